import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineSignal } from "@/server/runtime/deadline-signal";
import { render, type OutboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type AdapterChannel, type FetchLike } from "../channel-adapter";
import { metaTestKit as kit } from "../meta/meta-test-kit";
import { messengerCredentialsSchema, type MessengerCredentials } from "./credentials";
import { startFakeMessengerApi } from "./fake-messenger-api";
import { messengerAdapter as adapter } from "./messenger-adapter";

const secret = "5f1c0ffee0ddba11";
const credentials = messengerCredentialsSchema.parse({
  pageId: "106548912345678",
  pageAccessToken: "EAAGpagetoken123",
  appSecret: secret,
  verifyToken: "let-me-in-please",
});
const channel: AdapterChannel<MessengerCredentials> = { id: "ch_1", workspaceId: "ws_1", credentials, apiBaseUrl: null, config: {} };
const fixture = (name: string) => kit.fixture(import.meta.url, name);
const normalise = (name: string) => adapter.normalise(kit.signedPost(fixture(name), secret), channel);
const psid = "7283941056238475";

describe("messenger webhook verification", () => {
  const body = fixture("text.json");

  it("accepts the signature Meta computes over the raw body", () => {
    expect(adapter.verify(kit.signedPost(body, secret), channel)).toEqual({ ok: true });
  });

  it("refuses a wrong, a missing and a malformed signature", () => {
    expect(adapter.verify(kit.signedPost(body, "another-secret"), channel)).toMatchObject({ ok: false, status: 401 });
    expect(adapter.verify(kit.post(body), channel)).toMatchObject({ ok: false, status: 401 });
    expect(adapter.verify(kit.post(body, { "x-hub-signature-256": "sha256=abc" }), channel)).toMatchObject({ ok: false });
    expect(adapter.verify(kit.post(body, { "x-hub-signature-256": kit.sign(body, secret).replace("sha256=", "sha1=") }), channel)).toMatchObject({ ok: false });
  });

  it("refuses a body that was re-serialised, because Meta signs its escaped wire form", () => {
    const raw = '{"object":"page","entry":[{"id":"106548912345678","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"106548912345678"},"timestamp":1718000000000,"message":{"mid":"m_x","text":"M\\u00e4rchen https:\\/\\/kaiwa.example"}}]}]}';
    const signature = kit.sign(raw, secret);
    expect(adapter.verify(kit.post(raw, { "x-hub-signature-256": signature }), channel)).toEqual({ ok: true });
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(adapter.verify(kit.post(reserialised, { "x-hub-signature-256": signature }), channel)).toMatchObject({ ok: false });
    expect(adapter.normalise(kit.post(raw), channel)[0]?.message?.text).toBe("Märchen https://kaiwa.example");
  });

  it("refuses everything when the channel has no app secret, and never echoes the expected signature", () => {
    const noSecret = { ...channel, credentials: { ...credentials, appSecret: "" } };
    expect(adapter.verify(kit.signedPost(body, ""), noSecret)).toMatchObject({ ok: false, status: 403 });
    const result = adapter.verify(kit.signedPost(body, "wrong"), channel);
    expect(JSON.stringify(result)).not.toContain(kit.sign(body, secret).slice(7));
  });
});

describe("messenger handshake", () => {
  it("answers the challenge when the verify token matches", () => {
    const request = kit.get({ "hub.mode": "subscribe", "hub.verify_token": "let-me-in-please", "hub.challenge": "1158201444" });
    expect(adapter.handshake?.(request, channel)).toMatchObject({ status: 200, body: "1158201444" });
  });

  it("refuses a wrong token without answering the challenge, and ignores requests that are not a handshake", () => {
    const wrong = adapter.handshake?.(kit.get({ "hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1158201444" }), channel);
    expect(wrong?.status).toBe(403);
    expect(wrong?.body).not.toContain("1158201444");
    expect(wrong?.body).not.toContain("let-me-in-please");
    expect(adapter.handshake?.(kit.post("{}"), channel)).toBeNull();
    expect(adapter.handshake?.(kit.get({}), channel)).toBeNull();
  });
});

describe("messenger normalise", () => {
  it("reads a text message with its mid, PSID and millisecond timestamp", () => {
    expect(normalise("text.json")).toEqual([
      {
        dedupeKey: "m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        kind: "message",
        contact: { externalId: psid },
        timestamp: 1718000000123,
        message: { text: "Hello, do you deliver to Osaka?" },
        context: { pageId: "106548912345678" },
      },
    ]);
  });

  it("reads a quick-reply tap as its payload plus the visible text", () => {
    expect(normalise("quick-reply.json")[0]).toMatchObject({ kind: "message", message: { text: "Large", payload: "size_large" } });
  });

  it("reads the Get Started postback with the m.me ref", () => {
    expect(normalise("postback-get-started.json")).toEqual([
      {
        dedupeKey: "m_postbackGetStarted000000000000001",
        kind: "message",
        contact: { externalId: "8102736450912837" },
        timestamp: 1718000020333,
        message: { text: "Get Started", payload: "GET_STARTED" },
        ref: "summer-sale",
        context: { referralSource: "SHORTLINK", referralType: "OPEN_THREAD", pageId: "106548912345678" },
      },
    ]);
  });

  it("reads referrals from m.me links and from ads (the ad id stands in for a missing ref)", () => {
    const events = normalise("referral.json");
    expect(events.map((e) => [e.kind, e.contact?.externalId, e.ref])).toEqual([
      ["referral", psid, "qr-store-front"],
      ["referral", "5512398470012345", "23851234567890123"],
    ]);
    expect(events[1]?.context).toMatchObject({ referralSource: "ADS", adId: "23851234567890123" });
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(2);
  });

  it("reads every attachment: two photos become two events, a sticker and a voice note their own kinds", () => {
    const events = normalise("media.json");
    expect(events.map((e) => [e.dedupeKey, e.message?.media?.kind, e.message?.media?.url])).toEqual([
      ["m_twoPhotos000000000000000000000001", "image", "https://scontent.xx.fbcdn.net/v/t1.15752-9/photo-1.jpg"],
      ["m_twoPhotos000000000000000000000001#2", "image", "https://scontent.xx.fbcdn.net/v/t1.15752-9/photo-2.jpg"],
      ["m_sticker00000000000000000000000001", "sticker", "https://scontent.xx.fbcdn.net/v/t39.1997-6/like.png"],
      ["m_voiceNote000000000000000000000001", "audio", "https://cdn.fbsbx.com/v/t59.3654-21/audioclip.mp4"],
    ]);
  });

  it("reads a location", () => {
    expect(normalise("location.json")[0]?.message).toEqual({ location: { latitude: 34.6937, longitude: 135.5023, name: "Pinned Location" } });
  });

  it("reads delivery per message id and read by watermark", () => {
    expect(normalise("delivery-read.json")).toEqual([
      {
        dedupeKey: "m_sentByKaiwa0000000000000000000001:delivered",
        kind: "status",
        contact: { externalId: psid },
        timestamp: 1718000060100,
        status: { externalMessageId: "m_sentByKaiwa0000000000000000000001", status: "delivered" },
        context: { watermark: "1718000059000" },
      },
      {
        dedupeKey: "m_sentByKaiwa0000000000000000000002:delivered",
        kind: "status",
        contact: { externalId: psid },
        timestamp: 1718000060100,
        status: { externalMessageId: "m_sentByKaiwa0000000000000000000002", status: "delivered" },
        context: { watermark: "1718000059000" },
      },
      {
        dedupeKey: `read:${psid}:1718000060000`,
        kind: "status",
        contact: { externalId: psid },
        timestamp: 1718000061200,
        status: { externalMessageId: "watermark:1718000060000", status: "read" },
        context: { watermark: "1718000060000" },
      },
    ]);
  });

  it("marks the Page's own messages as echoes, with the contact as recipient and the sending app", () => {
    expect(normalise("echo.json")).toEqual([
      {
        dedupeKey: "m_echo0000000000000000000000000001",
        kind: "echo",
        contact: { externalId: psid },
        timestamp: 1718000070100,
        message: { text: "Yes, we deliver to Osaka in 2 days." },
        context: { pageId: "106548912345678", appId: "1517776481860111", metadata: "kaiwa:outbox-42" },
      },
    ]);
  });

  it("reads marketing-message opt-in as follow and STOP as unfollow", () => {
    const events = normalise("optin.json");
    expect(events.map((e) => [e.kind, e.contact?.externalId, e.ref])).toEqual([
      ["follow", psid, "weekly-deals"],
      ["unfollow", "5512398470012345", undefined],
    ]);
    expect(events[0]?.context?.notificationMessagesToken).toBe("1234567890123456789");
  });

  it("reads every event of every entry in a batch", () => {
    const events = normalise("batch.json");
    expect(events.map((e) => [e.kind, e.contact?.externalId, e.message?.text ?? e.status?.status])).toEqual([
      ["message", psid, "first"],
      ["message", "5512398470012345", "Track my order"],
      ["message", psid, "second"],
      ["status", "8102736450912837", "read"],
    ]);
    expect(events[1]?.message?.payload).toBe("TRACK_ORDER");
  });

  it("keeps unknown events (reactions, templates, standby, another Page) as unknown with a note, without throwing", () => {
    const events = normalise("unknown.json");
    expect(events.map((e) => e.kind)).toEqual(["unknown", "unknown", "unknown", "unknown"]);
    expect(events.map((e) => e.note)).toEqual([
      expect.stringContaining("reaction"),
      expect.stringContaining("template"),
      expect.stringContaining("standby"),
      expect.stringContaining("999888777666555"),
    ]);
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(4);
    // Meta retrying the same payload yields the same keys, so it is deduplicated.
    expect(normalise("unknown.json").map((e) => e.dedupeKey)).toEqual(events.map((e) => e.dedupeKey));
  });

  it("throws MalformedWebhookError for a body that is not a Page webhook", () => {
    for (const body of ["not json", "[]", '{"entry":[]}', '{"object":"page"}', '{"object":"instagram","entry":[]}']) {
      expect(() => adapter.normalise(kit.post(body), channel)).toThrow(MalformedWebhookError);
    }
  });
});

describe("messenger send", () => {
  let fake: Awaited<ReturnType<typeof startFakeMessengerApi>>;
  let live: AdapterChannel<MessengerCredentials>;
  const fetcher: FetchLike = (input, init) => fetch(input, init);
  const send = (payload: unknown, context?: Record<string, string>) =>
    adapter.send({ to: psid, payload, idempotencyKey: "out_1", ...(context ? { context } : {}) }, live, fetcher);

  beforeAll(async () => {
    fake = await startFakeMessengerApi({ accessToken: credentials.pageAccessToken });
    live = { ...channel, apiBaseUrl: fake.url };
  });
  afterAll(() => fake.close());

  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Option number ${i + 1}`, payload: `opt_${i + 1}` }));
  const messages: Record<string, OutboundMessage> = {
    text: { text: "Your order has shipped.", choices: [] },
    "long text": { text: "あ".repeat(2500), choices: [] },
    "2 choices": { text: "Which size?", choices: choices(2) },
    "11 choices": { text: "Pick a store", choices: choices(11) },
    "14 choices": { text: "Pick a time", choices: choices(14) },
    media: { text: "Here is your receipt", media: { kind: "image", url: "https://cdn.kaiwa.example/r.png" }, choices: [] },
    file: { text: "", media: { kind: "file", url: "https://cdn.kaiwa.example/r.pdf", filename: "r.pdf" }, choices: [] },
  };

  it.each(Object.entries(messages))("sends every payload render() makes for %s, and the fake accepts each", async (_, message) => {
    const { payloads } = render(message, "messenger");
    expect(payloads.length).toBeGreaterThan(0);
    const before = fake.requests.length;
    for (const payload of payloads) {
      const result = await send(payload);
      expect(result).toMatchObject({ ok: true, externalId: expect.stringMatching(/^m_/) });
    }
    expect(fake.rejected).toEqual([]);
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => r.json)).toEqual(payloads.map((message) => ({ recipient: { id: psid }, messaging_type: "RESPONSE", message })));
    for (const request of sent) {
      expect(request.path).toBe("/v23.0/me/messages");
      expect(request.headers.authorization).toBe("Bearer EAAGpagetoken123");
      expect(request.query.get("access_token")).toBeNull();
    }
  });

  it("sends a tagged message outside the 24-hour window when the runtime asks", async () => {
    expect(await send({ text: "An agent will follow up." }, { messageTag: "HUMAN_AGENT" })).toMatchObject({ ok: true });
    expect(fake.requests.at(-1)?.json).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
  });

  it("maps 429 with Retry-After to a retry after that delay", async () => {
    fake.failNext(429, 1, { "retry-after": "7" });
    expect(await send({ text: "hi" })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000, status: 429 });
  });

  it("maps 500 to retryable and a 400 to permanent with Meta's message", async () => {
    fake.failNext(500);
    expect(await send({ text: "hi" })).toMatchObject({ ok: false, retryable: true, status: 500 });
    fake.failNext(400);
    expect(await send({ text: "hi" })).toMatchObject({ ok: false, retryable: false, status: 400, error: expect.stringContaining("(#100) Invalid parameter") });
  });

  it("reports a refused token as permanent, without the token", async () => {
    const result = await adapter.send({ to: psid, payload: { text: "hi" }, idempotencyKey: "out_2" }, { ...live, credentials: { ...credentials, pageAccessToken: "EAAGwrongtoken" } }, fetcher);
    expect(result).toMatchObject({ ok: false, retryable: false, status: 401, error: expect.stringContaining("Invalid OAuth access token") });
    expect(JSON.stringify(result)).not.toContain("EAAGwrongtoken");
  });

  it("maps a timeout to retryable", async () => {
    fake.delayNext(2_000);
    let signalGiven = false;
    // The adapter's own timeout is 10 s; the test shortens it while keeping the adapter's signal.
    const impatient: FetchLike = (input, init) => {
      signalGiven = init.signal instanceof AbortSignal;
      return fetch(input, { ...init, signal: deadlineSignal(100, init.signal).signal });
    };
    const result = await adapter.send({ to: psid, payload: { text: "hi" }, idempotencyKey: "out_3" }, live, impatient);
    expect(signalGiven).toBe(true);
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("in time") });
  });

  it("maps a network failure to retryable", async () => {
    const unreachable = { ...live, apiBaseUrl: "http://127.0.0.1:9" };
    expect(await adapter.send({ to: psid, payload: { text: "hi" }, idempotencyKey: "out_4" }, unreachable, fetcher)).toMatchObject({ ok: false, retryable: true });
  });
});
