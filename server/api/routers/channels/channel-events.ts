import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { inboundEvents } from "@/drizzle/schema";
import type { WorkspaceContext } from "../../trpc";
import { loadChannel } from "./channel-access";

export const channelEventsInput = z.object({ id: z.string().uuid(), limit: z.number().int().min(1).max(200).default(50) });

// The latest webhook events of one channel: what arrived, whether it was handled, and why not.
// Only a short summary of each payload leaves the server.
export async function channelEvents({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof channelEventsInput> }) {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const events = await ctx.database.db
    .select({
      id: inboundEvents.id,
      kind: inboundEvents.kind,
      dedupeKey: inboundEvents.dedupeKey,
      receivedAt: inboundEvents.receivedAt,
      processedAt: inboundEvents.processedAt,
      error: inboundEvents.error,
      payload: inboundEvents.payload,
    })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.channelId, row.id), eq(inboundEvents.workspaceId, ctx.workspaceId)))
    .orderBy(desc(inboundEvents.receivedAt))
    .limit(input.limit);
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    dedupeKey: event.dedupeKey,
    receivedAt: event.receivedAt,
    processedAt: event.processedAt,
    error: event.error,
    summary: summarise(event.payload),
  }));
}

const MAX_SUMMARY = 120;

// A stored event is a NormalisedEvent: its note (unknown events), the message text, or a status.
export function summarise(payload: unknown): string | null {
  if (!payload || typeof payload !== "object") return null;
  const event = payload as { note?: unknown; message?: { type?: unknown; text?: unknown }; status?: { status?: unknown }; ref?: unknown };
  const parts: string[] = [];
  if (typeof event.note === "string") parts.push(event.note);
  if (event.message && typeof event.message.text === "string") parts.push(`“${event.message.text}”`);
  else if (event.message && typeof event.message.type === "string") parts.push(event.message.type);
  if (event.status && typeof event.status.status === "string") parts.push(event.status.status);
  if (typeof event.ref === "string") parts.push(`ref ${event.ref}`);
  const text = parts.join(" · ");
  if (!text) return null;
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
