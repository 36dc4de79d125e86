import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { channels, inboundEvents, messages } from "@/drizzle/schema";
import { webhookUrl } from "@/server/channels/webhook-url";
import type { WorkspaceContext } from "../../trpc";
import { channelTypeOf } from "./channel-access";

const DAY_MS = 24 * 60 * 60 * 1000;

// Everything the list shows, in three queries whatever the number of channels.
export async function listChannels({ ctx }: { ctx: WorkspaceContext }) {
  const db = ctx.database.db;
  const since = new Date(Date.now() - DAY_MS);
  // postgres.js takes no Date inside a raw sql fragment: pass text and let the database cast it.
  const sinceParam = sql`${since.toISOString()}::timestamptz`;
  const [rows, eventCounts, failedCounts] = await Promise.all([
    // The simulator's hidden channels are not the workspace's to manage.
    db.select().from(channels).where(and(eq(channels.workspaceId, ctx.workspaceId), ne(channels.status, "simulator"))).orderBy(asc(channels.createdAt)),
    db
      .select({
        channelId: inboundEvents.channelId,
        received: sql<number>`count(*) filter (where ${inboundEvents.receivedAt} > ${sinceParam})`.mapWith(Number),
        // Waiting now, however old: an event stuck for a day is exactly what the page must show.
        unprocessed: sql<number>`count(*) filter (where ${inboundEvents.processedAt} is null and ${inboundEvents.error} is null)`.mapWith(Number),
        errors: sql<number>`count(*) filter (where ${inboundEvents.error} is not null and ${inboundEvents.receivedAt} > ${sinceParam})`.mapWith(Number),
      })
      .from(inboundEvents)
      .where(eq(inboundEvents.workspaceId, ctx.workspaceId))
      .groupBy(inboundEvents.channelId),
    db
      .select({ channelId: messages.channelId, failed: sql<number>`count(*)`.mapWith(Number) })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, ctx.workspaceId),
          eq(messages.direction, "outbound"),
          eq(messages.status, "failed"),
          gt(messages.createdAt, since),
        ),
      )
      .groupBy(messages.channelId),
  ]);
  const events = new Map(eventCounts.map((count) => [count.channelId, count]));
  const failed = new Map(failedCounts.map((count) => [count.channelId, count.failed]));
  return rows.map((row) => {
    const type = channelTypeOf(row);
    const counts = events.get(row.id);
    return {
      id: row.id,
      type,
      name: row.name,
      status: row.status,
      webhookUrl: webhookUrl(type, row.id),
      publicKey: type === "webchat" ? row.publicKey : null,
      lastWebhookAt: row.lastWebhookAt,
      lastError: row.lastError,
      lastErrorAt: row.lastErrorAt,
      createdAt: row.createdAt,
      counts: {
        eventsLastDay: counts?.received ?? 0,
        unprocessed: counts?.unprocessed ?? 0,
        errorsLastDay: counts?.errors ?? 0,
        failedOutboundLastDay: failed.get(row.id) ?? 0,
      },
    };
  });
}
