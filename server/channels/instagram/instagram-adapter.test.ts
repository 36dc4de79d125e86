import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineSignal } from "@/server/runtime/deadline-signal";
import { render, type OutboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type AdapterChannel, type FetchLike } from "../channel-adapter";
import { metaTestKit as kit } from "../meta/meta-test-kit";
import { instagramCredentialsSchema, type InstagramCredentials } from "./credentials";
import { startFakeInstagramApi } from "./fake-instagram-api";
import { instagramAdapter as adapter } from "./instagram-adapter";

const secret = "ig-app-secret-9f8e";
const igAccount = "17841405309211844";
const igsid = "1254459154682919";
const credentials = instagramCredentialsSchema.parse({
  instagramAccountId: igAccount,
  pageAccessToken: "EAAGigpagetoken",
  appSecret: secret,
  verifyToken: "ig-verify-token",
});
const channel: AdapterChannel<InstagramCredentials> = { id: "ch_ig", workspaceId: "ws_1", credentials, apiBaseUrl: null, config: {} };
const fixture = (name: string) => kit.fixture(import.meta.url, name);
const normalise = (name: string) => adapter.normalise(kit.signedPost(fixture(name), secret), channel);

describe("instagram webhook verification and handshake", () => {
  const body = fixture("text.json");

  it("accepts Meta's signature and refuses wrong, missing or re-serialised ones", () => {
    expect(adapter.verify(kit.signedPost(body, secret), channel)).toEqual({ ok: true });
    expect(adapter.verify(kit.signedPost(body, "nope"), channel)).toMatchObject({ ok: false });
    expect(adapter.verify(kit.post(body), channel)).toMatchObject({ ok: false });
    const raw = `{"object":"instagram","entry":[{"id":"${igAccount}","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"${igAccount}"},"timestamp":1,"message":{"mid":"x","text":"Gr\\u00fc\\u00dfe \\/ hi"}}]}]}`;
    const signature = kit.sign(raw, secret);
    expect(adapter.verify(kit.post(raw, { "x-hub-signature-256": signature }), channel)).toEqual({ ok: true });
    expect(adapter.verify(kit.post(JSON.stringify(JSON.parse(raw)), { "x-hub-signature-256": signature }), channel)).toMatchObject({ ok: false });
  });

  it("refuses everything without an app secret", () => {
    const noSecret = { ...channel, credentials: { ...credentials, appSecret: "" } };
    expect(adapter.verify(kit.signedPost(body, ""), noSecret)).toMatchObject({ ok: false, status: 403 });
  });

  it("answers the handshake only with the right verify token", () => {
    const query = { "hub.mode": "subscribe", "hub.challenge": "987654" };
    expect(adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "ig-verify-token" }), channel)).toMatchObject({ status: 200, body: "987654" });
    expect(adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "ig-verify-toke" }), channel)).toMatchObject({ status: 403 });
  });
});

describe("instagram normalise", () => {
  it("reads a text message (a story reply keeps the story id)", () => {
    const [event] = normalise("text.json");
    expect(event).toMatchObject({
      kind: "message",
      contact: { externalId: igsid },
      timestamp: 1718100000123,
      message: { text: "Love this jacket, is it in stock?" },
      context: { pageId: igAccount, replyToStory: "17900000000000000" },
    });
    expect(event?.dedupeKey).toMatch(/^aWdfZAG1/);
  });

  it("reads quick replies and postbacks as payload plus visible text", () => {
    expect(normalise("quick-reply.json")[0]?.message).toEqual({ text: "Size M", payload: "size_m" });
    expect(normalise("postback.json")[0]).toMatchObject({ dedupeKey: "aWdfZAG1faXRlbTpwb3N0YmFjazAwMQ", kind: "message", message: { text: "See opening hours", payload: "HOURS" } });
  });

  it("reads the ig.me ref", () => {
    expect(normalise("referral.json")).toEqual([
      expect.objectContaining({ kind: "referral", contact: { externalId: "3301928374650012" }, ref: "bio-link" }),
    ]);
  });

  it("reads images and shared reels as media, and keeps a story mention as unknown", () => {
    const events = normalise("media.json");
    expect(events.map((e) => [e.kind, e.message?.media?.kind])).toEqual([
      ["message", "image"],
      ["message", "video"],
      ["unknown", undefined],
    ]);
    expect(events[0]?.message?.media?.url).toContain("asset_id=18000000000000001");
    expect(events[2]?.note).toContain("story_mention");
  });

  it("reads a read receipt by message id", () => {
    expect(normalise("read.json")).toEqual([
      {
        dedupeKey: "aWdfZAG1faXRlbTpzZW50YnlrYWl3YTAwMQ:read",
        kind: "status",
        contact: { externalId: igsid },
        timestamp: 1718100050123,
        status: { externalMessageId: "aWdfZAG1faXRlbTpzZW50YnlrYWl3YTAwMQ", status: "read" },
      },
    ]);
  });

  it("marks the account's own messages as echoes addressed to the contact", () => {
    expect(normalise("echo.json")).toEqual([expect.objectContaining({ kind: "echo", contact: { externalId: igsid }, message: { text: "Yes! Size M is in stock." } })]);
  });

  it("keeps deleted messages, reactions and comment changes as unknown events", () => {
    const events = normalise("unknown.json");
    expect(events.map((e) => e.kind)).toEqual(["unknown", "unknown", "unknown"]);
    expect(events.map((e) => e.note)).toEqual([expect.stringContaining("deleted"), expect.stringContaining("reaction"), expect.stringContaining("comments")]);
  });

  it("reads every event of a batch", () => {
    expect(normalise("batch.json").map((e) => [e.kind, e.contact?.externalId, e.message?.payload ?? e.message?.text ?? e.status?.status])).toEqual([
      ["message", igsid, "one"],
      ["message", "3301928374650012", "TWO"],
      ["status", igsid, "read"],
    ]);
  });

  it("throws MalformedWebhookError for a body that is not an Instagram webhook", () => {
    for (const body of ["<xml/>", "{}", '{"object":"page","entry":[]}']) {
      expect(() => adapter.normalise(kit.post(body), channel)).toThrow(MalformedWebhookError);
    }
  });
});

describe("instagram send", () => {
  let fake: Awaited<ReturnType<typeof startFakeInstagramApi>>;
  let live: AdapterChannel<InstagramCredentials>;
  const fetcher: FetchLike = (input, init) => fetch(input, init);
  const send = (payload: unknown) => adapter.send({ to: igsid, payload, idempotencyKey: "out_1" }, live, fetcher);

  beforeAll(async () => {
    fake = await startFakeInstagramApi({ accessToken: credentials.pageAccessToken });
    live = { ...channel, apiBaseUrl: fake.url };
  });
  afterAll(() => fake.close());

  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `サイズ ${i + 1}`, payload: `size_${i + 1}` }));
  const messages: Record<string, OutboundMessage> = {
    text: { text: "Thanks for your message!", choices: [] },
    "Japanese text over 1000 bytes": { text: "こんにちは".repeat(100), choices: [] },
    "2 choices": { text: "Which size?", choices: choices(2) },
    "11 choices": { text: "Which size?", choices: choices(11) },
    media: { text: "Lookbook", media: { kind: "image", url: "https://cdn.kaiwa.example/look.jpg" }, choices: [] },
    "a file (sent as a link)": { text: "Catalogue", media: { kind: "file", url: "https://cdn.kaiwa.example/c.pdf" }, choices: [] },
  };

  it.each(Object.entries(messages))("sends every payload render() makes for %s, and the fake accepts each", async (_, message) => {
    const { payloads } = render(message, "instagram");
    const before = fake.requests.length;
    for (const payload of payloads) {
      expect(await send(payload)).toMatchObject({ ok: true, externalId: expect.stringMatching(/^m_/) });
    }
    expect(fake.rejected).toEqual([]);
    expect(fake.requests.slice(before).map((r) => r.json)).toEqual(payloads.map((m) => ({ recipient: { id: igsid }, messaging_type: "RESPONSE", message: m })));
  });

  it("maps 429, 500, 400 and timeouts like Messenger", async () => {
    fake.failNext(429, 1, { "retry-after": "2" });
    expect(await send({ text: "a" })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 2000 });
    fake.failNext(503);
    expect(await send({ text: "a" })).toMatchObject({ ok: false, retryable: true });
    fake.failNext(400);
    expect(await send({ text: "a" })).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("Invalid parameter") });
    fake.delayNext(2_000);
    const impatient: FetchLike = (input, init) => fetch(input, { ...init, signal: deadlineSignal(100, init.signal).signal });
    expect(await adapter.send({ to: igsid, payload: { text: "a" }, idempotencyKey: "out_t" }, live, impatient)).toMatchObject({ ok: false, retryable: true });
  });
});
