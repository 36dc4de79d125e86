import { and, eq, ne } from "drizzle-orm";
import { channels } from "@/drizzle/schema";
import { channelTypeSchema, type ChannelType } from "@/flows-runtime";
import type { ChannelAdapter } from "@/server/channels/channel-adapter";
import { channelAdapters } from "@/server/channels/registry";
import { decryptJson } from "@/server/crypto/secret-box";
import type { Db } from "../../../db/client";
import { DomainError, notFound } from "../../../domain-errors";
import { channelTypeLabels } from "./channel-type-labels";

type Scope = { db: Db; workspaceId: string };

export type ChannelRow = typeof channels.$inferSelect;

export async function loadChannel({ db, workspaceId }: Scope, channelId: string): Promise<ChannelRow> {
  const [channel] = await db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId), ne(channels.status, "simulator")));
  if (!channel) throw notFound("That channel");
  return channel;
}

export function requireAdapter(type: ChannelType): ChannelAdapter<unknown> {
  const adapter = (channelAdapters as Partial<Record<ChannelType, ChannelAdapter<unknown>>>)[type];
  if (!adapter) throw new DomainError("invalid", `${channelTypeLabels[type]} channels cannot be connected yet.`);
  return adapter;
}

export function channelTypeOf(row: ChannelRow): ChannelType {
  const parsed = channelTypeSchema.safeParse(row.type);
  if (!parsed.success) throw new DomainError("invalid", `This channel has an unknown type "${row.type}".`);
  return parsed.data;
}

// The stored credentials as an object; a row without any (or with unreadable ones after a key change)
// reads as empty, so the page can still show the channel and ask for them again.
export function storedCredentials(row: ChannelRow): Record<string, unknown> {
  return readStoredCredentials(row).value;
}

export function readStoredCredentials(row: ChannelRow): { readable: boolean; value: Record<string, unknown> } {
  if (!row.credentialsEncrypted) return { readable: true, value: {} };
  try {
    const value = decryptJson(row.credentialsEncrypted);
    const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
    return { readable: isObject, value: isObject ? (value as Record<string, unknown>) : {} };
  } catch {
    return { readable: false, value: {} };
  }
}
