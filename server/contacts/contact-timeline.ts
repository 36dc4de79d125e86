import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { channels, flows, messages, users } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { loadContact } from "./load-contact";

export const contactTimelineInput = z.object({
  contactId: z.string().uuid(),
  // The oldest message already shown: older ones come next. By `seq`, the order they were written in
  // (timestamps tie within a millisecond).
  cursor: z.object({ seq: z.number().int() }).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type TimelineAuthor = "contact" | "bot" | "human";

// The contact's messages, newest first, each with who sent it and, for bot messages, the flow and node
// it came from and how far delivery got.
export async function contactTimeline(db: Db, workspaceId: string, rawInput: z.input<typeof contactTimelineInput>) {
  const input = contactTimelineInput.parse(rawInput);
  const contact = await loadContact(db, workspaceId, input.contactId);
  const before = input.cursor ? lt(messages.seq, input.cursor.seq) : undefined;
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      status: messages.status,
      content: messages.content,
      flowId: messages.flowId,
      flowName: flows.name,
      nodeId: messages.nodeId,
      sentBy: users.name,
      sentByUserId: messages.sentByUserId,
      error: messages.error,
      channelType: channels.type,
      createdAt: messages.createdAt,
      seq: messages.seq,
    })
    .from(messages)
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .leftJoin(flows, eq(flows.id, messages.flowId))
    .leftJoin(users, eq(users.id, messages.sentByUserId))
    .where(and(eq(messages.contactId, contact.id), eq(messages.workspaceId, workspaceId), before))
    .orderBy(desc(messages.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    messages: page.map((row) => ({
      id: row.id,
      author: (row.direction === "inbound" ? "contact" : row.sentByUserId ? "human" : "bot") as TimelineAuthor,
      status: row.status,
      text: messageText(row.content),
      flowId: row.flowId,
      flowName: row.flowName,
      nodeId: row.nodeId,
      sentBy: row.sentBy,
      error: row.error,
      channelType: row.channelType,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? { seq: last.seq } : null,
  };
}

function messageText(content: unknown): string {
  if (typeof content !== "object" || content === null) return "";
  const record = content as { text?: unknown; payload?: unknown; media?: { kind?: unknown }; location?: { name?: unknown } };
  if (typeof record.text === "string" && record.text !== "") return record.text;
  if (record.media && typeof record.media.kind === "string") return `[${record.media.kind}]`;
  if (record.location) return `[location${typeof record.location.name === "string" ? `: ${record.location.name}` : ""}]`;
  if (typeof record.payload === "string") return `[button: ${record.payload}]`;
  return "";
}
