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
