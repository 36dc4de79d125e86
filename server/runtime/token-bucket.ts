import type { ChannelType } from "@/flows-runtime";

// Sends per second each platform accepts from one sender (CHANNELS.md). Per process: several workers
// each pace themselves, so N workers may reach N times this (the platforms' 429s then slow us down).
export const channelRates: Record<ChannelType, number> = {
  whatsapp: 80,
  messenger: 300,
  instagram: 100,
  telegram: 30,
  line: 100,
  viber: 50,
  wechat: 50,
  sms: 50,
  webchat: 1_000,
};

// A channel whose platform granted more throughput (WhatsApp numbers go up to 1,000 messages/s) says
// so in channels.config.sendRatePerSecond; anything unusable falls back to the platform's default.
export function sendRateOf(type: ChannelType, config: Record<string, unknown>): number {
  const configured = config.sendRatePerSecond;
  return typeof configured === "number" && Number.isFinite(configured) && configured >= 1 && configured <= 1_000 ? configured : channelRates[type];
}

export type TokenBucket = { take: () => Promise<void> };

export function createTokenBucket(ratePerSecond: number, burst = Math.max(1, Math.ceil(ratePerSecond / 4))): TokenBucket {
  let tokens = burst;
  let last = Date.now();
  let chain = Promise.resolve();
  const refill = () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond);
    last = now;
  };
  return {
    // Callers queue in order, so a busy channel cannot starve an early caller.
    take: () => {
      chain = chain.then(async () => {
        refill();
        while (tokens < 1) {
          await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / ratePerSecond) * 1000)));
          refill();
        }
        tokens -= 1;
      });
      return chain;
    },
  };
}

// What each platform tolerates to one contact (CHANNELS.md): Telegram about one message a second in a
// chat, WhatsApp bursts of up to 45 then about one every 6 s. The others set no per-contact limit.
export const contactRates: Partial<Record<ChannelType, { ratePerSecond: number; burst: number }>> = {
  telegram: { ratePerSecond: 1, burst: 3 },
  whatsapp: { ratePerSecond: 1 / 6, burst: 45 },
};

const IDLE_BUCKET_MS = 5 * 60_000;

export type ContactPacer = { take: (type: ChannelType, contactKey: string) => Promise<void> };

// One bucket per (channel, contact) that has sent lately; a full bucket idle for minutes is dropped.
export function createContactPacer(): ContactPacer {
  const buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  let sweptAt = Date.now();
  return {
    take: (type, contactKey) => {
      const rate = contactRates[type];
      if (!rate) return Promise.resolve();
      const now = Date.now();
      if (now - sweptAt > IDLE_BUCKET_MS) {
        sweptAt = now;
        for (const [key, entry] of buckets) if (now - entry.usedAt > IDLE_BUCKET_MS) buckets.delete(key);
      }
      let entry = buckets.get(contactKey);
      if (!entry) buckets.set(contactKey, (entry = { bucket: createTokenBucket(rate.ratePerSecond, rate.burst), usedAt: now }));
      entry.usedAt = now;
      return entry.bucket.take();
    },
  };
}
