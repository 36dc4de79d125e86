import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createContactPacer, createTokenBucket, sendRateOf } from "./token-bucket";

// On a fake clock: what goes out when, to one platform and to one contact.
describe("send pacing", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  async function releaseTimes(takes: Promise<void>[], untilMs: number): Promise<number[]> {
    const times: number[] = [];
    takes.forEach((take) => void take.then(() => times.push(Date.now())));
    for (let t = 0; t <= untilMs; t += 50) await vi.advanceTimersByTimeAsync(50);
    return times;
  }

  it("lets a channel's burst through at once, then its rate", async () => {
    const bucket = createTokenBucket(4, 2);
    const times = await releaseTimes(Array.from({ length: 4 }, () => bucket.take()), 2_000);
    expect(times.map((t) => Math.round(t / 50) * 50)).toEqual([0, 0, 250, 500]);
  });

  it("paces one Telegram chat to about a message a second after a short burst, without slowing other chats", async () => {
    const pacer = createContactPacer();
    const chat = Array.from({ length: 5 }, () => pacer.take("telegram", "ch|ken"));
    const other = pacer.take("telegram", "ch|aiko");
    const times = await releaseTimes([...chat, other], 3_000);
    // Three at once for Ken and one for Aiko straight away; Ken's fourth and fifth a second apart.
    expect(times.map((t) => Math.round(t / 100) * 100)).toEqual([0, 0, 0, 0, 1_000, 2_000]);
  });

  it("leaves channels without a per-contact limit unpaced", async () => {
    const pacer = createContactPacer();
    const times = await releaseTimes(Array.from({ length: 20 }, () => pacer.take("line", "ch|u1")), 100);
    expect(times).toHaveLength(20);
  });

  it("takes a channel's own send rate from its config when the platform granted more", () => {
    expect(sendRateOf("whatsapp", {})).toBe(80);
    expect(sendRateOf("whatsapp", { sendRatePerSecond: 1_000 })).toBe(1_000);
    expect(sendRateOf("whatsapp", { sendRatePerSecond: 5_000 })).toBe(80);
    expect(sendRateOf("telegram", { sendRatePerSecond: "fast" })).toBe(30);
  });
});
