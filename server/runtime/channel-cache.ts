import type { Database } from "../db/client";
import { loadChannel, type LoadedChannel } from "../channels/load-channel";

// Channels change rarely and every webhook and send needs one: a few seconds of staleness (a rotated
// secret taking effect up to 5 s late) buys a query and a decryption per message.
const TTL_MS = 5_000;
const caches = new WeakMap<Database, Map<string, { at: number; value: Promise<LoadedChannel | null> }>>();

export function cachedChannel(database: Database, channelId: string): Promise<LoadedChannel | null> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const hit = cache.get(channelId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadChannel(database, channelId).catch((error: unknown) => {
    cache.delete(channelId);
    throw error;
  });
  cache.set(channelId, { at: Date.now(), value });
  return value;
}

export function forgetChannel(database: Database, channelId: string): void {
  caches.get(database)?.delete(channelId);
}

// last_webhook_at is for people ("last webhook 3 s ago"): one write a second per channel is plenty,
// and it keeps concurrent webhooks from queueing on the channel row's lock.
const touched = new WeakMap<Database, Map<string, number>>();
export function shouldTouchChannel(database: Database, channelId: string): boolean {
  let map = touched.get(database);
  if (!map) touched.set(database, (map = new Map()));
  const last = map.get(channelId) ?? 0;
  if (Date.now() - last < 1_000) return false;
  map.set(channelId, Date.now());
  return true;
}
