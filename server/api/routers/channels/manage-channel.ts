import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { channels } from "@/drizzle/schema";
import { forgetChannel } from "../../../runtime/channel-cache";
import type { WorkspaceContext } from "../../trpc";
import { loadChannel } from "./channel-access";
import type { channelIdInput } from "./channel-inputs";

type Call = { ctx: WorkspaceContext; input: z.infer<typeof channelIdInput> };

// A disabled channel keeps its credentials and history; the webhook route and sender skip it.
export const disableChannel = (call: Call) => setStatus(call, "disabled");
export const enableChannel = (call: Call) => setStatus(call, "active");

async function setStatus({ ctx, input }: Call, status: "active" | "disabled") {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  await ctx.database.db
    .update(channels)
    .set({ status })
    .where(and(eq(channels.id, row.id), eq(channels.workspaceId, ctx.workspaceId)));
  // This process at once; other worker processes within the channel cache's few seconds.
  forgetChannel(ctx.database, row.id);
  return { id: row.id, status };
}

// Deletes the channel with its events, conversations and messages (foreign keys cascade).
export async function deleteChannel({ ctx, input }: Call) {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  await ctx.database.db.delete(channels).where(and(eq(channels.id, row.id), eq(channels.workspaceId, ctx.workspaceId)));
  return { id: row.id };
}
