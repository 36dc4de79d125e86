import { describe, expect, it } from "vitest";
import { readOutsideWindowPolicy } from "../channels/outside-window-policy";
import { sendDecision, whatsappTemplatePayload } from "./send-rules";

const now = Date.parse("2026-12-02T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000);
const contact = (lastInboundHours: number | null, extra: { optedOutAt?: Date; optedIn?: boolean } = {}) => ({
  lastInboundAt: lastInboundHours === null ? null : hoursAgo(lastInboundHours),
  optedOutAt: extra.optedOutAt ?? null,
  optedIn: extra.optedIn ?? lastInboundHours !== null,
});
const fail = { mode: "fail" } as const;

describe("what a bot message may do under each channel's rules", () => {
  it("sends freely inside the window and on channels without one", () => {
    expect(sendDecision({ type: "whatsapp", outsideWindow: fail }, contact(23.9), now)).toEqual({ kind: "free" });
    expect(sendDecision({ type: "wechat", outsideWindow: fail }, contact(47), now)).toEqual({ kind: "free" });
    for (const type of ["telegram", "line", "viber", "sms", "webchat"] as const) {
      expect(sendDecision({ type, outsideWindow: fail }, contact(24 * 30), now), type).toEqual({ kind: "free" });
    }
  });

  it("refuses outside the window unless a template or tag is configured", () => {
    expect(sendDecision({ type: "whatsapp", outsideWindow: fail }, contact(25), now)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/^outside WhatsApp's 24-hour window/) });
    expect(sendDecision({ type: "wechat", outsideWindow: fail }, contact(49), now)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/48-hour window: customer-service messages/) });
    expect(sendDecision({ type: "whatsapp", outsideWindow: { mode: "template", templateName: "follow_up", languageCode: "ja" } }, contact(25), now)).toEqual({
      kind: "template",
      templateName: "follow_up",
      languageCode: "ja",
    });
    expect(sendDecision({ type: "messenger", outsideWindow: { mode: "tag", tag: "ACCOUNT_UPDATE" } }, contact(24 * 20), now)).toEqual({ kind: "tag", tag: "ACCOUNT_UPDATE" });
  });

  it("allows Meta's HUMAN_AGENT tag for 7 days only", () => {
    const policy = { mode: "tag", tag: "HUMAN_AGENT" } as const;
    expect(sendDecision({ type: "instagram", outsideWindow: policy }, contact(24 * 6), now)).toEqual({ kind: "tag", tag: "HUMAN_AGENT" });
    expect(sendDecision({ type: "instagram", outsideWindow: policy }, contact(24 * 8), now).kind).toBe("refused");
  });

  it("never messages a contact who opted out, or who never wrote in nor opted in", () => {
    expect(sendDecision({ type: "sms", outsideWindow: fail }, contact(1, { optedOutAt: hoursAgo(0.5) }), now)).toEqual({ kind: "refused", reason: "contact opted out (STOP)" });
    expect(sendDecision({ type: "telegram", outsideWindow: fail }, contact(null), now)).toEqual({ kind: "refused", reason: "no opt-in: the contact has not written to this channel yet" });
    expect(sendDecision({ type: "line", outsideWindow: fail }, contact(null, { optedIn: true }), now)).toEqual({ kind: "free" });
  });

  it("reads a channel's policy safely: one the platform cannot use falls back to failing visibly", () => {
    expect(readOutsideWindowPolicy("whatsapp", { outsideWindow: { mode: "tag", tag: "ACCOUNT_UPDATE" } })).toEqual(fail);
    expect(readOutsideWindowPolicy("instagram", { outsideWindow: { mode: "tag", tag: "ACCOUNT_UPDATE" } })).toEqual(fail);
    expect(readOutsideWindowPolicy("messenger", { outsideWindow: "nonsense" })).toEqual(fail);
    expect(readOutsideWindowPolicy("messenger", { outsideWindow: { mode: "tag", tag: "POST_PURCHASE_UPDATE" } })).toEqual({ mode: "tag", tag: "POST_PURCHASE_UPDATE" });
  });

  it("flattens a template parameter the way Meta requires", () => {
    const payload = whatsappTemplatePayload({ kind: "template", templateName: "follow_up", languageCode: "en" }, { text: "Hello\n\nthere,\tfriend      !", choices: [] });
    expect(payload).toEqual({
      type: "template",
      template: { name: "follow_up", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "text", text: "Hello there, friend   !" }] }] },
    });
  });
});
