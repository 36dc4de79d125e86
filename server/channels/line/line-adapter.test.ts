import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "@/flows-runtime";
import { choices, image, message } from "@/flows-runtime/channels/render-fixtures";
import { MalformedWebhookError, type AdapterChannel, type RawWebhook } from "../channel-adapter";
import type { FakeApi } from "../testing/fake-api-server";
import type { LineCredentials } from "./credentials";
import { startFakeLineApi } from "./fake-line-api";
import { lineAdapter } from "./line-adapter";
import { lineRetryKey } from "./line-retry-key";
import { sendLine } from "./send";

const channelSecret = "8c570fa6dd201bb328f1c1eac23a96d8";
const channelAccessToken = "line-access-token";
const user = "U4af4980629a1b2c3d4e5f60718293a4b";

function channel(overrides: Partial<LineCredentials> = {}, apiBaseUrl: string | null = null): AdapterChannel<LineCredentials> {
  return { id: "ch_line", workspaceId: "ws_1", credentials: { channelSecret, channelAccessToken, ...overrides }, apiBaseUrl, config: {} };
}

const sign = (body: string, secret = channelSecret) => createHmac("sha256", secret).update(body, "utf8").digest("base64");

function webhook(rawBody: string, signature: string | null = sign(rawBody)): RawWebhook {
  const headers = new Headers(signature === null ? {} : { "x-line-signature": signature });
  return { method: "POST", url: "https://kaiwa.example/api/webhooks/line/ch_line", query: new URLSearchParams(), headers, rawBody };
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const normalise = (name: string) => lineAdapter.normalise(webhook(fixture(name)), channel());

describe("LINE webhook verification", () => {
  it("accepts a correct signature, including LINE's verification POST with no events", () => {
    expect(lineAdapter.verify(webhook(fixture("text")), channel())).toEqual({ ok: true });
    const check = webhook(fixture("verification"));
    expect(lineAdapter.verify(check, channel())).toEqual({ ok: true });
    expect(lineAdapter.normalise(check, channel())).toEqual([]);
  });

  it("refuses a wrong, missing, truncated or non-base64 signature without echoing the expected one", () => {
    const raw = fixture("text");
    for (const signature of [sign(raw, "0".repeat(32)), null, sign(raw).slice(0, 20), "!!not base64!!"]) {
      const result = lineAdapter.verify(webhook(raw, signature), channel());
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(sign(raw));
    }
  });

  it("refuses the signature of the body re-serialised (\\u00e4 and \\/ unescaped)", () => {
    const raw = fixture("text").replace("予約したいです", "K\\u00e4se http:\\/\\/example.com");
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(lineAdapter.verify(webhook(raw), channel()).ok).toBe(true);
    expect(lineAdapter.verify(webhook(raw, sign(reserialised)), channel()).ok).toBe(false);
  });

  it("refuses everything when no channel secret is configured", () => {
    const raw = fixture("text");
    expect(lineAdapter.verify(webhook(raw, sign(raw, "")), channel({ channelSecret: "" }))).toMatchObject({ ok: false, status: 403 });
  });
});

describe("LINE events normalised", () => {
  const contact = { externalId: user };

  it("a text message with its reply token and when it was issued", () => {
    expect(normalise("text")).toEqual([
      {
        dedupeKey: "01H810YECXQQZ37VAXPF6H9E6T",
        kind: "message",
        contact,
        timestamp: 1692251666727,
        message: { text: "予約したいです" },
        context: { replyToken: "38ef843bde154d9b91c21320ffd17a0f", replyTokenAt: "1692251666727", messageId: "468789577898262530" },
      },
    ]);
  });

  it("a postback gives the data as payload", () => {
    expect(normalise("postback")[0]).toMatchObject({ kind: "message", contact, message: { payload: "p2" }, context: { replyToken: "b60d432864f44d079f6d8efe86cf404b" } });
  });

  it("every media event of a batch, by message id or external URL", () => {
    const events = normalise("media");
    expect(events.map((e) => e.dedupeKey)).toEqual(["01H810YECXQQZ37VAXPF6H9E6V", "01H810YECXQQZ37VAXPF6H9E6W", "01H810YECXQQZ37VAXPF6H9E6X"]);
    expect(events.map((e) => e.message?.media)).toEqual([{ kind: "image" }, { kind: "file" }, { kind: "video", url: "https://example.com/original.mp4" }]);
    expect(events.map((e) => e.context?.mediaId)).toEqual(["354718705033693859", "325708", "325709"]);
    expect(events[1]?.context?.fileName).toBe("見積書.pdf");
  });

  it("a location with its title, and a sticker", () => {
    const [location, sticker] = normalise("location-sticker");
    expect(location?.message).toEqual({ location: { latitude: 35.65910807942215, longitude: 139.70372892916203, name: "東京タワー" } });
    expect(sticker).toMatchObject({ kind: "message", message: { media: { kind: "sticker" } }, context: { packageId: "11537", stickerId: "52002738" } });
  });

  it("follow (new or unblocked), unfollow, and a redelivered event marked as such", () => {
    const events = normalise("follow-unfollow");
    expect(events.map((e) => e.kind)).toEqual(["follow", "unfollow", "follow"]);
    expect(events[0]?.context).toMatchObject({ isUnblocked: "false", replyToken: "85cbe770fa8b4f45bbe077b1d4be4a36" });
    expect(events[1]).toEqual({ dedupeKey: "01H810YECXQQZ37VAXPF6H9E71", kind: "unfollow", contact, timestamp: 1692251674000, context: {} });
    expect(events[2]?.context).toMatchObject({ isUnblocked: "true", isRedelivery: "true" });
  });

  it("other events are unknown with a note, group sources keep the group id", () => {
    const [join, beacon] = normalise("unknown");
    expect(join).toMatchObject({ kind: "unknown", note: 'LINE event "join" is not handled', contact: { externalId: "Ca56f94637c1b2c3d4e5f60718293a4b5" }, context: { sourceType: "group" } });
    expect(beacon).toMatchObject({ kind: "unknown", note: 'LINE event "beacon" is not handled', contact });
  });

  it("a body without an events array throws MalformedWebhookError", () => {
    for (const raw of ["<xml/>", "{}", '{"events":{}}', "null"]) {
      expect(() => lineAdapter.normalise(webhook(raw), channel())).toThrow(MalformedWebhookError);
    }
  });
});

describe("LINE send", () => {
  let api: FakeApi;
  const replyAt = 1_692_251_666_727;
  beforeEach(async () => {
    api = await startFakeLineApi({ channelAccessToken, replyTokens: ["fresh-token"] });
  });
  afterEach(() => api.close());

  const push = (payload: unknown, idempotencyKey = "outbox-1") =>
    lineAdapter.send({ to: user, payload, idempotencyKey }, channel({}, api.url), fetch);

  it("pushes every payload render() produces, accepted by the fake", async () => {
    const messages = [message("Hello!"), message("Coffee or tea?", choices(2)), message("Pick one", choices(11)), message("Our menu", [], image), message("Pick", choices(14))];
    const payloads = messages.flatMap((m) => render(m, "line").payloads);
    for (const [i, payload] of payloads.entries()) expect(await push(payload, `k${i}`)).toMatchObject({ ok: true, externalId: expect.any(String) });
    expect(api.requests.map((r) => [r.path, r.status])).toEqual(payloads.map(() => ["/v2/bot/message/push", 200]));
    expect(api.requests[0]?.json).toEqual({ to: user, messages: [{ type: "text", text: "Hello!" }] });
    expect(api.requests[0]?.headers["x-line-retry-key"]).toBe(lineRetryKey("k0"));
  });

  it("replies with a fresh reply token, pushes when it is stale, redelivered or already used", async () => {
    const context = { replyToken: "fresh-token", replyTokenAt: String(replyAt) };
    const payload = { messages: [{ type: "text", text: "Thanks!" }] };
    const send = (ctx: Record<string, string>, now: number) =>
      sendLine({ to: user, payload, idempotencyKey: "o1", context: ctx }, channel({}, api.url), fetch, { now: () => now });
    expect(await send({ ...context, isRedelivery: "true" }, replyAt + 1000)).toMatchObject({ ok: true });
    expect(await send(context, replyAt + 70_000)).toMatchObject({ ok: true });
    expect(api.requests.map((r) => r.path)).toEqual(["/v2/bot/message/push", "/v2/bot/message/push"]);
    expect(await send(context, replyAt + 2000)).toMatchObject({ ok: true });
    expect(api.requests[2]).toMatchObject({ path: "/v2/bot/message/reply", json: { replyToken: "fresh-token", messages: payload.messages }, status: 200 });
    expect(api.requests[2]?.headers["x-line-retry-key"]).toBeUndefined();
    // The token works once: a second payload of the same answer falls back to a push.
    expect(await sendLine({ to: user, payload, idempotencyKey: "o2", context }, channel({}, api.url), fetch, { now: () => replyAt + 3000 })).toMatchObject({ ok: true });
    expect(api.requests.slice(3).map((r) => [r.path, r.status])).toEqual([["/v2/bot/message/reply", 400], ["/v2/bot/message/push", 200]]);
  });

  it("derives one UUID retry key per outbox key, and a retried push already accepted counts as sent", async () => {
    expect(lineRetryKey("outbox-1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lineRetryKey("outbox-1")).toBe(lineRetryKey("outbox-1"));
    expect(lineRetryKey("outbox-1")).not.toBe(lineRetryKey("outbox-2"));
    const payload = { messages: [{ type: "text", text: "once" }] };
    expect(await push(payload)).toMatchObject({ ok: true });
    expect(await push(payload)).toEqual({ ok: true });
    expect(api.requests.map((r) => r.status)).toEqual([200, 409]);
  });

  it("429 is retryable after Retry-After, but the monthly quota is not", async () => {
    api.failNext(429, 1, { "retry-after": "3" });
    expect(await push({ messages: [{ type: "text", text: "hi" }] })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000, status: 429 });
    const quota = await sendLine({ to: user, payload: { messages: [] }, idempotencyKey: "q" }, channel({}, "http://unused.invalid"), async () =>
      new Response(JSON.stringify({ message: "You have reached your monthly limit." }), { status: 429 }),
    );
    expect(quota).toEqual({ ok: false, retryable: false, status: 429, error: "You have reached your monthly limit." });
  });

  it("500 and a timeout are retryable", async () => {
    api.failNext(500);
    expect(await push({ messages: [{ type: "text", text: "hi" }] })).toMatchObject({ ok: false, retryable: true, status: 500 });
    api.delayNext(1000);
    const result = await sendLine({ to: user, payload: { messages: [{ type: "text", text: "hi" }] }, idempotencyKey: "t" }, channel({}, api.url), fetch, { timeoutMs: 100 });
    expect(result).toEqual({ ok: false, retryable: true, error: "LINE did not answer within 0.1 s" });
  });

  it("400 is permanent with LINE's message and details", async () => {
    expect(await push({ messages: [{ type: "text", text: "" }] })).toEqual({
      ok: false,
      retryable: false,
      status: 400,
      error: "The request body has 1 error(s); messages[0].text: Length must be between 1 and 5000",
    });
  });
});
