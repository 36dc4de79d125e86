import { createHash } from "node:crypto";

export type NonceCheck = "fresh" | "retry" | "reused";

export type NonceCache = {
  // "retry": the same nonce came with the byte-identical body (WeChat resending after a slow answer);
  // "reused": the same nonce with a different body, which is what a forged replay looks like.
  check: (channelId: string, nonce: string, rawBody: string, now: number) => NonceCheck;
  remember: (channelId: string, nonce: string, rawBody: string, expiresAt: number) => void;
};

type Entry = { bodyHash: string; expiresAt: number };

// In-memory, per process, per channel, least-recently-inserted evicted past `maxPerChannel`. Several
// worker processes each keep their own: a replay that lands on another process within the window
// gets through the nonce check (the timestamp window and dedupe still apply).
export function createNonceCache(options: { maxPerChannel?: number } = {}): NonceCache {
  const maxPerChannel = options.maxPerChannel ?? 10_000;
  const channels = new Map<string, Map<string, Entry>>();

  const entriesFor = (channelId: string, now: number): Map<string, Entry> => {
    let entries = channels.get(channelId);
    if (!entries) {
      entries = new Map();
      channels.set(channelId, entries);
    }
    // Insertion order is roughly expiry order, so expired entries sit at the front.
    for (const [nonce, entry] of entries) {
      if (entry.expiresAt > now) break;
      entries.delete(nonce);
    }
    return entries;
  };

  return {
    check(channelId, nonce, rawBody, now) {
      const entry = entriesFor(channelId, now).get(nonce);
      if (!entry || entry.expiresAt <= now) return "fresh";
      return entry.bodyHash === hash(rawBody) ? "retry" : "reused";
    },
    remember(channelId, nonce, rawBody, expiresAt) {
      const entries = entriesFor(channelId, Number.NEGATIVE_INFINITY);
      if (entries.has(nonce)) return;
      entries.set(nonce, { bodyHash: hash(rawBody), expiresAt });
      while (entries.size > maxPerChannel) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}

function hash(rawBody: string): string {
  return createHash("sha256").update(rawBody).digest("base64");
}
