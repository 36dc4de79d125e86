import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineSignal } from "@/server/runtime/deadline-signal";
import { render, type OutboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type AdapterChannel, type FetchLike } from "../channel-adapter";
import { metaTestKit as kit } from "../meta/meta-test-kit";
import { whatsappCredentialsSchema, type WhatsappCredentials } from "./credentials";
import { startFakeWhatsappApi } from "./fake-whatsapp-api";
import { whatsappAdapter as adapter } from "./whatsapp-adapter";

const secret = "wa-app-secret-0a1b2c";
const phoneNumberId = "106540352242922";
const credentials = whatsappCredentialsSchema.parse({ phoneNumberId, accessToken: "EAAwatoken777", appSecret: secret, verifyToken: "wa-verify-token" });
const channel: AdapterChannel<WhatsappCredentials> = {
  id: "ch_wa",
  workspaceId: "ws_1",
  credentials,
  apiBaseUrl: null,
  config: { entryTexts: { "I saw your summer ad": "summer-ad" } },
};
const fixture = (name: string) => kit.fixture(import.meta.url, name);
const normalise = (name: string, on = channel) => adapter.normalise(kit.signedPost(fixture(name), secret), on);
const sheena = "16505551234";
const hanako = "819012345678";

describe("whatsapp webhook verification and handshake", () => {
  const body = fixture("text.json");

  it("accepts Meta's signature over the raw body", () => {
    expect(adapter.verify(kit.signedPost(body, secret), channel)).toEqual({ ok: true });
  });

  it("refuses wrong, missing, truncated and re-serialised signatures", () => {
    expect(adapter.verify(kit.signedPost(body, "guess"), channel)).toMatchObject({ ok: false, status: 401 });
    expect(adapter.verify(kit.post(body), channel)).toMatchObject({ ok: false, status: 401 });
    expect(adapter.verify(kit.post(body, { "x-hub-signature-256": kit.sign(body, secret).slice(0, 40) }), channel)).toMatchObject({ ok: false });
    const raw = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"1","id":"wamid.X","timestamp":"1","type":"text","text":{"body":"Sch\\u00f6n: https:\\/\\/kaiwa.example"}}]}}]}]}`;
    const signature = kit.sign(raw, secret);
    expect(adapter.verify(kit.post(raw, { "x-hub-signature-256": signature }), channel)).toEqual({ ok: true });
    expect(adapter.verify(kit.post(JSON.stringify(JSON.parse(raw)), { "x-hub-signature-256": signature }), channel)).toMatchObject({ ok: false });
    expect(adapter.normalise(kit.post(raw), channel)[0]?.message?.text).toBe("Schön: https://kaiwa.example");
  });

  it("refuses everything without an app secret", () => {
    const noSecret = { ...channel, credentials: { ...credentials, appSecret: "" } };
    expect(adapter.verify(kit.signedPost(body, ""), noSecret)).toMatchObject({ ok: false, status: 403 });
  });

  it("answers hub.challenge for the right verify token only", () => {
    const query = { "hub.mode": "subscribe", "hub.challenge": "1240948310" };
    expect(adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "wa-verify-token" }), channel)).toEqual({ status: 200, body: "1240948310", contentType: "text/plain; charset=utf-8" });
    const wrong = adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "wa-verify-tokem" }), channel);
    expect(wrong?.status).toBe(403);
    expect(wrong?.body).not.toContain("1240948310");
    expect(adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "wa-verify-token", "hub.challenge": "<script>" }), channel)?.status).toBe(400);
    const noToken = { ...channel, credentials: { ...credentials, verifyToken: "" } };
    expect(adapter.handshake?.(kit.get({ ...query, "hub.verify_token": "" }), noToken)?.status).toBe(403);
  });
});

describe("whatsapp normalise", () => {
  it("reads a text message with wamid, wa_id, profile name and a millisecond timestamp", () => {
    expect(normalise("text.json")).toEqual([
      {
        dedupeKey: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
        kind: "message",
        contact: { externalId: sheena, profileName: "Sheena Nelson" },
        timestamp: 1749416383000,
        message: { text: "Does it come in another color?" },
        context: { phoneNumberId },
      },
    ]);
  });

  it("reads reply buttons, list rows and template buttons as payload plus the title the contact saw", () => {
    expect(normalise("button-reply.json")[0]).toMatchObject({
      message: { text: "Large", payload: "size_large" },
      context: { replyTo: "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA" },
    });
    expect(normalise("list-reply.json")[0]).toMatchObject({ contact: { externalId: hanako, profileName: "山田 花子" }, message: { text: "渋谷店", payload: "store_shibuya" } });
    expect(normalise("template-button.json")[0]?.message).toEqual({ text: "Confirm", payload: "CONFIRM_BOOKING" });
  });

  it("reads media as kind + media id (caption as text), one event per message", () => {
    const events = normalise("media.json");
    expect(events.map((e) => [e.dedupeKey, e.message])).toEqual([
      ["wamid.IMAGE0001", { text: "This one", media: { kind: "image", mimeType: "image/jpeg" } }],
      ["wamid.DOCUMENT0001", { text: "my invoice", media: { kind: "file", mimeType: "application/pdf" } }],
      ["wamid.AUDIO0001", { media: { kind: "audio", mimeType: "audio/ogg; codecs=opus" } }],
      ["wamid.STICKER0001", { media: { kind: "sticker", mimeType: "image/webp" } }],
    ]);
    expect(events.map((e) => e.context?.mediaId)).toEqual(["1003383421387256", "1171418337521738", "1452289618827337", "1228346778412345"]);
    expect(events[1]?.context?.filename).toBe("invoice-0042.pdf");
    expect(events[2]?.context?.voice).toBe("true");
  });

  it("reads a location with its name", () => {
    expect(normalise("location.json")[0]?.message).toEqual({ location: { latitude: 34.7025, longitude: 135.4959, name: "Osaka Station" } });
  });

  it("takes the ref of a click-to-WhatsApp ad from referral.source_id and keeps the text", () => {
    const [event] = normalise("referral.json");
    expect(event).toMatchObject({ kind: "message", ref: "120214459563770152", message: { text: "Can I get more info about this?" } });
    expect(event?.context).toMatchObject({ refSource: "ad", adSourceType: "ad", adSourceUrl: "https://fb.me/3cr4Wqqkv", ctwaClid: expect.stringMatching(/^ARAk/) });
  });

  it("takes a ref from a prefilled wa.me text: the ref prefix, or a configured entry text", () => {
    const events = normalise("prefilled-ref.json");
    expect(events.map((e) => [e.ref, e.context?.refSource, e.message?.text])).toEqual([
      ["spring-sale", "prefix", "Hi! I'd like the coupon ref:spring-sale."],
      ["summer-ad", "entry_text", "  I saw your SUMMER ad  "],
      [undefined, undefined, "my link is href:https://kaiwa.example"],
    ]);
    // A custom prefix, and prefix matching turned off.
    const custom = { ...channel, config: { refPrefix: "#" } };
    expect(adapter.normalise(kit.post(fixture("prefilled-ref.json").replace("ref:spring-sale", "#spring-sale")), custom)[0]?.ref).toBe("spring-sale");
    expect(normalise("prefilled-ref.json", { ...channel, config: { refPrefix: "" } }).map((e) => e.ref)).toEqual([undefined, undefined, undefined]);
    // A broken config falls back to the defaults instead of losing messages.
    expect(normalise("prefilled-ref.json", { ...channel, config: { entryTexts: "oops" } })[0]?.ref).toBe("spring-sale");
  });

  it("reads statuses, deduplicated by id + status, with the failure reason and our outbox key", () => {
    const events = normalise("statuses.json");
    expect(events.map((e) => [e.dedupeKey, e.kind, e.status?.status, e.context?.outboxKey])).toEqual([
      ["wamid.SENTBYKAIWA0001:sent", "status", "sent", "out_42"],
      ["wamid.SENTBYKAIWA0001:delivered", "status", "delivered", "out_42"],
      ["wamid.SENTBYKAIWA0001:read", "status", "read", "out_42"],
      ["wamid.SENTBYKAIWA0002:failed", "status", "failed", "out_43"],
    ]);
    expect(events[0]).toMatchObject({ contact: { externalId: sheena }, timestamp: 1749416470000, context: { conversationId: "6ceb9d929c0e9e4bb6c1e2f7d5a8b3c1", pricingCategory: "service" } });
    expect(events[3]?.status).toEqual({
      externalMessageId: "wamid.SENTBYKAIWA0002",
      status: "failed",
      error: "131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    });
  });

  it("reads messages sent from the WhatsApp Business app as echoes addressed to the contact", () => {
    expect(normalise("echo.json")).toEqual([
      {
        dedupeKey: "wamid.ECHO0001",
        kind: "echo",
        contact: { externalId: sheena },
        timestamp: 1749416490000,
        message: { text: "Sure, it also comes in navy." },
        context: { phoneNumberId },
      },
    ]);
  });

  it("reads a first chat opening (request_welcome) as a follow", () => {
    expect(normalise("follow.json")).toEqual([
      { dedupeKey: "wamid.WELCOME0001", kind: "follow", contact: { externalId: hanako, profileName: "山田 花子" }, timestamp: 1749416495000 },
    ]);
  });

  it("reads every message and status of every change of every entry", () => {
    expect(normalise("batch.json").map((e) => [e.dedupeKey, e.contact?.externalId, e.message?.payload ?? e.message?.text ?? e.status?.status])).toEqual([
      ["wamid.BATCH0001", sheena, "one"],
      ["wamid.BATCH0002", sheena, "two"],
      ["wamid.BATCH0003", hanako, "yes"],
      ["wamid.SENTBYKAIWA0003:delivered", sheena, "delivered"],
    ]);
  });

  it("keeps reactions, unsupported messages, template updates and other numbers' events as unknown", () => {
    const events = normalise("unknown.json");
    expect(events.map((e) => [e.kind, e.note])).toEqual([
      ["unknown", expect.stringContaining("reaction 👍")],
      ["unknown", expect.stringContaining("Message type unknown")],
      ["unknown", expect.stringContaining("message_template_status_update")],
      ["unknown", expect.stringContaining("999999999999999")],
    ]);
    expect(events[0]?.dedupeKey).toBe("wamid.REACTION0001");
    expect(normalise("unknown.json").map((e) => e.dedupeKey)).toEqual(events.map((e) => e.dedupeKey));
  });

  it("throws MalformedWebhookError for a body that is not a WhatsApp webhook", () => {
    for (const body of ["", "ok", "null", '{"object":"whatsapp_business_account"}', '{"object":"page","entry":[]}']) {
      expect(() => adapter.normalise(kit.post(body), channel)).toThrow(MalformedWebhookError);
    }
  });
});

describe("whatsapp send", () => {
  let fake: Awaited<ReturnType<typeof startFakeWhatsappApi>>;
  let live: AdapterChannel<WhatsappCredentials>;
  const fetcher: FetchLike = (input, init) => fetch(input, init);
  const send = (payload: unknown, key = "out_1") => adapter.send({ to: sheena, payload, idempotencyKey: key }, live, fetcher);

  beforeAll(async () => {
    fake = await startFakeWhatsappApi({ accessToken: credentials.accessToken, phoneNumberId });
    live = { ...channel, apiBaseUrl: fake.url };
  });
  afterAll(() => fake.close());

  const choices = (n: number, label = (i: number) => `Option number ${i + 1} with a long label`) =>
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: label(i), payload: `opt_${i + 1}`, description: i === 0 ? "x".repeat(100) : undefined }));
  const messages: Record<string, OutboundMessage> = {
    text: { text: "Your order has shipped.", choices: [] },
    "long text": { text: "長".repeat(5000), choices: [] },
    "2 choices": { text: "Which size?", choices: choices(2, (i) => ["Small", "Large"][i] ?? "") },
    "3 long choices": { text: "Pick one", choices: choices(3).map((c) => ({ ...c, description: undefined })) },
    "10 choices": { text: "Pick a store", choices: choices(10) },
    "11 choices": { text: "Pick a store", choices: choices(11) },
    media: { text: "Here is your receipt", media: { kind: "image", url: "https://cdn.kaiwa.example/r.png" }, choices: [] },
    document: { text: "", media: { kind: "file", url: "https://cdn.kaiwa.example/r.pdf", filename: "receipt.pdf" }, choices: [] },
    "audio with text": { text: "Listen", media: { kind: "audio", url: "https://cdn.kaiwa.example/a.ogg" }, choices: [] },
    "media with choices": { text: "Like it?", media: { kind: "video", url: "https://cdn.kaiwa.example/v.mp4" }, choices: choices(2, (i) => ["Yes", "No"][i] ?? "") },
  };

  it.each(Object.entries(messages))("sends every payload render() makes for %s, and the fake accepts each", async (_, message) => {
    const { payloads } = render(message, "whatsapp");
    const before = fake.requests.length;
    for (const payload of payloads) {
      expect(await send(payload)).toMatchObject({ ok: true, externalId: expect.stringMatching(/^wamid\./) });
    }
    expect(fake.rejected).toEqual([]);
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => r.json)).toEqual(
      payloads.map((p) => ({ recipient_type: "individual", to: sheena, ...(p as object), biz_opaque_callback_data: "out_1" })),
    );
    for (const request of sent) {
      expect(request.path).toBe(`/v23.0/${phoneNumberId}/messages`);
      expect(request.headers.authorization).toBe("Bearer EAAwatoken777");
    }
  });

  it("the fake refuses what the Cloud API refuses (so the test above can fail)", async () => {
    expect(await send({ messaging_product: "whatsapp", type: "interactive", interactive: { type: "button", body: { text: "?" }, action: { buttons: [1, 2, 3, 4].map((i) => ({ type: "reply", reply: { id: `b${i}`, title: `B${i}` } })) } } })).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining("1 to 3 buttons"),
    });
    expect(await send({ messaging_product: "whatsapp", type: "text", text: { body: "x".repeat(4097) } })).toMatchObject({ ok: false, retryable: false });
    expect(fake.rejected).toHaveLength(2);
    fake.rejected.length = 0;
  });

  it("maps 429 with Retry-After to a retry after that delay", async () => {
    fake.failNext(429, 1, { "retry-after": "12" });
    expect(await send({ messaging_product: "whatsapp", type: "text", text: { body: "hi" } })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 12_000, status: 429 });
  });

  it("maps 500 to retryable and 400 to permanent with Meta's message", async () => {
    const text = { messaging_product: "whatsapp", type: "text", text: { body: "hi" } };
    fake.failNext(500);
    expect(await send(text)).toMatchObject({ ok: false, retryable: true, status: 500 });
    fake.failNext(400);
    expect(await send(text)).toMatchObject({ ok: false, retryable: false, status: 400, error: expect.stringContaining("Invalid parameter") });
  });

  it("maps a timeout to retryable", async () => {
    fake.delayNext(2_000);
    const impatient: FetchLike = (input, init) => fetch(input, { ...init, signal: deadlineSignal(100, init.signal).signal });
    const result = await adapter.send({ to: sheena, payload: { messaging_product: "whatsapp", type: "text", text: { body: "hi" } }, idempotencyKey: "out_t" }, live, impatient);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("reports an expired token as permanent without quoting it", async () => {
    const expired = { ...live, credentials: { ...credentials, accessToken: "EAAexpired" } };
    const result = await adapter.send({ to: sheena, payload: { messaging_product: "whatsapp", type: "text", text: { body: "hi" } }, idempotencyKey: "out_x" }, expired, fetcher);
    expect(result).toMatchObject({ ok: false, retryable: false, status: 401 });
    expect(JSON.stringify(result)).not.toContain("EAAexpired");
  });
});
