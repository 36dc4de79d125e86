import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { channels } from "@/drizzle/schema";
import { encryptJson } from "@/server/crypto/secret-box";
import type { WorkspaceContext } from "../../trpc";
import { channelTypeOf, loadChannel, requireAdapter, storedCredentials } from "./channel-access";
import type { updateChannelInput } from "./channel-inputs";
import { isMasked } from "./mask-credentials";
import { validateCredentials } from "./validate-credentials";

export async function updateChannel({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof updateChannelInput> }) {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const changes: Partial<typeof channels.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.apiBaseUrl !== undefined) changes.apiBaseUrl = input.apiBaseUrl;
  if (input.credentials) {
    const type = channelTypeOf(row);
    const merged = mergeCredentials(storedCredentials(row), input.credentials);
    changes.credentialsEncrypted = encryptJson(validateCredentials(type, requireAdapter(type), merged));
  }
  if (Object.keys(changes).length === 0) return { id: row.id };
  await ctx.database.db
    .update(channels)
    .set(changes)
    .where(and(eq(channels.id, row.id), eq(channels.workspaceId, ctx.workspaceId)));
  return { id: row.id };
}

// The browser only ever saw masked secrets: a field sent back masked (or not sent) keeps the stored
// value; null or "" clears it (the schema then says whether it was required).
export function mergeCredentials(stored: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...stored };
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || isMasked(value)) continue;
    if (value === null || (typeof value === "string" && value.trim() === "")) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
