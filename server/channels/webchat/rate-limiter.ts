export type RateLimiter = {
  // True when one more request fits in the key's window (and counts it); false when over the limit.
  take: (key: string, now?: number) => boolean;
  retryAfterMs: (key: string, now?: number) => number;
};

// A sliding window per key, in this process's memory: enough to stop a runaway widget or a script
// flooding one conversation (each process counts alone; several web processes allow a little more).
export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 10_000;

  const recent = (key: string, now: number): number[] => {
    const kept = (hits.get(key) ?? []).filter((at) => now - at < options.windowMs);
    if (kept.length > 0) hits.set(key, kept);
    else hits.delete(key);
    return kept;
  };

  return {
    take: (key, now = Date.now()) => {
      const kept = recent(key, now);
      if (kept.length >= options.limit) return false;
      if (!hits.has(key) && hits.size >= maxKeys) {
        // Forget the oldest visitor rather than grow without bound.
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      hits.set(key, [...kept, now]);
      return true;
    },
    retryAfterMs: (key, now = Date.now()) => {
      const kept = recent(key, now);
      return kept.length < options.limit ? 0 : Math.max(0, options.windowMs - (now - kept[0]!));
    },
  };
}
