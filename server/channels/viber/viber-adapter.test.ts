import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "@/flows-runtime";
import { choices, image, message } from "@/flows-runtime/channels/render-fixtures";
import { MalformedWebhookError, type AdapterChannel, type RawWebhook } from "../channel-adapter";
import type { FakeApi } from "../testing/fake-api-server";
import type { ViberCredentials } from "./credentials";
import { startFakeViberApi } from "./fake-viber-api";
import { sendViber } from "./send";
import { viberAdapter } from "./viber-adapter";

const authToken = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
const user = "01234567890A=";

function channel(overrides: Partial<ViberCredentials> = {}, apiBaseUrl: string | null = null, config: Record<string, unknown> = {}): AdapterChannel<ViberCredentials> {
  return { id: "ch_viber", workspaceId: "ws_1", credentials: { authToken, senderName: "Kaiwa Café", ...overrides }, apiBaseUrl, config };
}

const sign = (body: string, key = authToken) => createHmac("sha256", key).update(body, "utf8").digest("hex");

function webhook(rawBody: string, signature: string | null = sign(rawBody)): RawWebhook {
  const headers = new Headers(signature === null ? {} : { "x-viber-content-signature": signature });
  return { method: "POST", url: "https://kaiwa.example/api/webhooks/viber/ch_viber", query: new URLSearchParams(), headers, rawBody };
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const normalise = (name: string) => viberAdapter.normalise(webhook(fixture(name)), channel());

describe("Viber webhook verification", () => {
  it("accepts a correct signature (hex, either case)", () => {
    expect(viberAdapter.verify(webhook(fixture("text")), channel())).toEqual({ ok: true });
    expect(viberAdapter.verify(webhook(fixture("text"), sign(fixture("text")).toUpperCase()), channel())).toEqual({ ok: true });
  });

  it("refuses a wrong, missing, truncated or non-hex signature without echoing the expected one", () => {
    const raw = fixture("text");
    for (const signature of [sign(raw, "other-token"), null, sign(raw).slice(0, 62), "z".repeat(64)]) {
      const result = viberAdapter.verify(webhook(raw, signature), channel());
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(sign(raw));
    }
  });

  it("refuses the signature of the body re-serialised (\\u00e4 and \\/ unescaped)", () => {
    const raw = fixture("text");
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(viberAdapter.verify(webhook(raw, sign(reserialised)), channel()).ok).toBe(false);
  });

  it("refuses everything when no auth token is configured", () => {
    const raw = fixture("text");
    expect(viberAdapter.verify(webhook(raw, sign(raw, "")), channel({ authToken: "" }))).toMatchObject({ ok: false, status: 403 });
  });

  it("answers set_webhook's check with 200 and nothing else", () => {
    expect(viberAdapter.handshake?.(webhook(fixture("webhook"), null), channel())).toEqual({ status: 200, body: "", contentType: "text/plain" });
    expect(viberAdapter.handshake?.(webhook(fixture("text")), channel())).toBeNull();
    expect(viberAdapter.handshake?.(webhook('{"event":"message","message":{"type":"text","text":"\\"webhook\\""}}'), channel())).toBeNull();
    expect(viberAdapter.normalise(webhook(fixture("webhook")), channel())).toEqual([]);
  });
});

describe("Viber callbacks normalised", () => {
  const contact = { externalId: user, profileName: "Olena" };

  it("a text message, message_token kept exactly as sent (beyond 2^53)", () => {
    expect(normalise("text")).toEqual([
      {
        dedupeKey: "4912661846655238145",
        kind: "message",
        contact,
        timestamp: 1457764197627,
        message: { text: "Добрий день! Käse http://example.com" },
        context: { trackingData: "flow:abc" },
      },
    ]);
    // A plain JSON.parse would have made it 4912661846655238000.
    expect(String(JSON.parse(fixture("text")).message_token)).not.toBe("4912661846655238145");
  });

  it("a keyboard reply arrives as text equal to the button's ActionBody", () => {
    expect(normalise("button-reply")[0]?.message).toEqual({ text: "p2" });
  });

  it("picture, file, location and contact", () => {
    expect(normalise("picture")[0]?.message).toEqual({ text: "My receipt", media: { kind: "image", url: "https://dl-media.viber.com/1/share/2/long/bots/media/image.jpg" } });
    expect(normalise("file")[0]).toMatchObject({ message: { media: { kind: "file", url: "https://dl-media.viber.com/1/share/2/long/bots/media/invoice.pdf" } }, context: { fileName: "invoice.pdf" } });
    expect(normalise("location")[0]?.message).toEqual({ location: { latitude: 50.4501, longitude: 30.5234, name: "Khreshchatyk St, Kyiv" } });
    expect(normalise("contact")[0]).toMatchObject({ message: { text: "+380501234567" }, context: { contactPhone: "+380501234567", contactName: "Olena K" } });
  });

  it("conversation_started with a deep-link context is a referral carrying the ref", () => {
    expect(normalise("conversation-started")).toEqual([
      { dedupeKey: "4912661846655238144", kind: "referral", contact, timestamp: 1457764196000, ref: "spring_sale", context: { subscribed: "false", conversationType: "open" } },
    ]);
  });

  it("subscribed is a follow, unsubscribed an unfollow", () => {
    expect(normalise("subscribed")).toEqual([{ dedupeKey: "4912661846655238147", kind: "follow", contact, timestamp: 1457764197000 }]);
    expect(normalise("unsubscribed")).toEqual([{ dedupeKey: "4912661846655238148", kind: "unfollow", contact: { externalId: user }, timestamp: 1457764203000 }]);
  });

  it("delivered, seen and failed are statuses keyed by token and status", () => {
    const events = ["delivered", "seen", "failed"].flatMap((name) => normalise(name));
    expect(events.map((e) => [e.kind, e.dedupeKey, e.status])).toEqual([
      ["status", "5098034272017990017:delivered", { externalMessageId: "5098034272017990017", status: "delivered" }],
      ["status", "5098034272017990017:read", { externalMessageId: "5098034272017990017", status: "read" }],
      ["status", "5098034272017990034:failed", { externalMessageId: "5098034272017990034", status: "failed", error: "failure description" }],
    ]);
  });

  it("other callbacks and message types are unknown with a note", () => {
    expect(normalise("client-status")[0]).toMatchObject({ kind: "unknown", note: 'Viber event "client_status" is not handled' });
    const richMedia = fixture("text").replace('"type": "text"', '"type": "rich_media"');
    expect(viberAdapter.normalise(webhook(richMedia), channel())[0]).toMatchObject({ kind: "unknown", note: 'Viber message of type "rich_media" is not handled' });
  });

  it("a body without an event throws MalformedWebhookError", () => {
    for (const raw of ["not json", "[]", '{"message":{}}', "42"]) {
      expect(() => viberAdapter.normalise(webhook(raw), channel())).toThrow(MalformedWebhookError);
    }
  });
});

describe("Viber send", () => {
  let api: FakeApi;
  beforeEach(async () => {
    api = await startFakeViberApi({ authToken, unsubscribedReceivers: ["stranger="] });
  });
  afterEach(() => api.close());

  const send = (payload: unknown, to = user, ch = channel({}, api.url)) => viberAdapter.send({ to, payload, idempotencyKey: "o1" }, ch, fetch);

  it("sends every payload render() produces with receiver, sender and min_api_version for keyboards", async () => {
    const messages = [message("Hello!"), message("Coffee or tea?", choices(2)), message("Pick one", choices(11)), message("Our menu", [], image), message("Pick", choices(30))];
    const payloads = messages.flatMap((m) => render(m, "viber").payloads);
    const results = [];
    for (const payload of payloads) results.push(await send(payload));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(api.requests.map((r) => JSON.parse(r.response).status)).toEqual(payloads.map(() => 0));
    expect(api.requests[0]?.json).toEqual({ type: "text", text: "Hello!", receiver: user, sender: { name: "Kaiwa Café" } });
    expect(api.requests[0]?.headers["x-viber-auth-token"]).toBe(authToken);
    expect(api.requests[1]?.json).toMatchObject({ min_api_version: 1, keyboard: { Type: "keyboard" } });
    expect(api.requests[3]?.json).toMatchObject({ type: "picture", media: image.url });
  });

  it("keeps the returned message_token exact as the external id", async () => {
    const result = await send({ type: "text", text: "hi" });
    expect(result).toEqual({ ok: true, externalId: "5098034272017990017" });
  });

  it("takes the sender name from config when credentials have none, and refuses to send without one", async () => {
    expect(await send({ type: "text", text: "hi" }, user, channel({ senderName: undefined }, api.url, { senderName: "Config Bot" }))).toMatchObject({ ok: true });
    expect(api.requests[0]?.json).toMatchObject({ sender: { name: "Config Bot" } });
    expect(await send({ type: "text", text: "hi" }, user, channel({ senderName: undefined }, api.url))).toMatchObject({ ok: false, retryable: false });
    expect(api.requests).toHaveLength(1);
  });

  it("a non-zero status is an error: not subscribed is permanent, too many requests retryable", async () => {
    expect(await send({ type: "text", text: "hi" }, "stranger=")).toEqual({ ok: false, retryable: false, status: 200, error: "receiverNotSubscribed (6): receiverNotSubscribed" });
    expect(await send({ type: "text", text: "" })).toEqual({ ok: false, retryable: false, status: 200, error: "badData (3): text must be 1 to 7000 characters" });
    api.failNext(200);
    expect(await send({ type: "text", text: "hi" })).toMatchObject({ ok: false, retryable: true, error: "tooManyRequests (12): tooManyRequests" });
  });

  it("HTTP 429 with Retry-After, 500 and a timeout are retryable", async () => {
    api.failNext(429, 1, { "retry-after": "4" });
    expect(await send({ type: "text", text: "hi" })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 4000, status: 429 });
    api.failNext(500);
    expect(await send({ type: "text", text: "hi" })).toMatchObject({ ok: false, retryable: true, status: 500 });
    api.delayNext(1000);
    const result = await sendViber({ to: user, payload: { type: "text", text: "hi" }, idempotencyKey: "t" }, channel({}, api.url), fetch, { timeoutMs: 100 });
    expect(result).toEqual({ ok: false, retryable: true, error: "Viber did not answer within 0.1 s" });
  });

  it("a wrong auth token is permanent", async () => {
    expect(await send({ type: "text", text: "hi" }, user, channel({ authToken: "wrong" }, api.url))).toEqual({ ok: false, retryable: false, status: 200, error: "invalidAuthToken (2): You are not authorized" });
  });
});
