import { describe, expect, it } from "vitest";
import { MalformedWebhookError, type RawWebhook } from "../channel-adapter";
import { webchatAdapter } from "./webchat-adapter";

const channel = { id: "c", workspaceId: "w", credentials: {}, apiBaseUrl: null, config: {} };
const raw = (rawBody: string): RawWebhook => ({ method: "POST", url: "http://kaiwa.test/api/webhooks/webchat/c", query: new URLSearchParams(), headers: new Headers(), rawBody });

describe("web-chat adapter", () => {
  it("refuses the generic webhook route: the widget has its own endpoints", () => {
    expect(webchatAdapter.verify(raw("{}"), channel)).toMatchObject({ ok: false, status: 403 });
  });

  it("accepts no credentials at all, or a title and greeting", () => {
    expect(webchatAdapter.credentialsSchema.parse({})).toEqual({});
    expect(webchatAdapter.credentialsSchema.parse({ title: " Shop ", greeting: "Hi!" })).toEqual({ title: "Shop", greeting: "Hi!" });
  });

  it("normalises the widget's message body, a tapped button as payload plus its label", () => {
    const body = { visitorId: "v_1", token: "t", text: "Pricing", payload: "pricing", clientMessageId: "abc" };
    const [event] = webchatAdapter.normalise(raw(JSON.stringify(body)), channel);
    expect(event).toMatchObject({ dedupeKey: "v_1:abc", kind: "message", contact: { externalId: "v_1" }, message: { text: "Pricing", payload: "pricing" } });
    expect(() => webchatAdapter.normalise(raw("not json"), channel)).toThrow(MalformedWebhookError);
    expect(() => webchatAdapter.normalise(raw(JSON.stringify({ ...body, text: " ", payload: undefined })), channel)).toThrow(MalformedWebhookError);
  });

  it("delivers by storing: send() succeeds at once with the message id, and resending is safe", async () => {
    const result = await webchatAdapter.send({ to: "v_1", payload: { type: "message", text: "hi" }, idempotencyKey: "m-1" }, channel, () => {
      throw new Error("web chat must not call out");
    });
    expect(result).toEqual({ ok: true, externalId: "m-1" });
    expect(webchatAdapter.idempotentSends).toBe(true);
  });
});
