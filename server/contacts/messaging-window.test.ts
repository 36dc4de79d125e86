import { describe, expect, it } from "vitest";
import { messagingWindow, optInState } from "./messaging-window";

const now = new Date("2026-03-01T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("messaging window", () => {
  it("is open on WhatsApp for 24 hours after the contact's last message", () => {
    expect(messagingWindow("whatsapp", hoursAgo(2), now)).toEqual({ state: "open", until: "2026-03-02T10:00:00.000Z", hours: 24 });
    expect(messagingWindow("whatsapp", hoursAgo(25), now)).toMatchObject({ state: "closed", hours: 24 });
    expect(messagingWindow("whatsapp", null, now)).toEqual({ state: "closed", hours: 24, lastInboundAt: null });
  });

  it("lasts 48 hours on WeChat and does not exist on Telegram", () => {
    expect(messagingWindow("wechat", hoursAgo(30), now)).toMatchObject({ state: "open", hours: 48 });
    expect(messagingWindow("telegram", hoursAgo(500), now)).toEqual({ state: "none" });
  });

  it("reports an opt-out over an earlier opt-in", () => {
    expect(optInState(true, null)).toEqual({ state: "opted_in" });
    expect(optInState(false, hoursAgo(1))).toEqual({ state: "opted_out", since: hoursAgo(1).toISOString() });
    expect(optInState(false, null)).toEqual({ state: "unknown" });
  });
});
