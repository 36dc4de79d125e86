import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "@/flows-runtime";
import { choices, image, message, pdf } from "@/flows-runtime/channels/render-fixtures";
import { MalformedWebhookError, type AdapterChannel, type RawWebhook } from "../channel-adapter";
import type { FakeApi } from "../testing/fake-api-server";
import type { TelegramCredentials } from "./credentials";
import { startFakeTelegramApi } from "./fake-telegram-api";
import { answerCallbackQuery, sendTelegram } from "./send";
import { telegramAdapter } from "./telegram-adapter";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";

function channel(overrides: Partial<TelegramCredentials> = {}, apiBaseUrl: string | null = null): AdapterChannel<TelegramCredentials> {
  return { id: "ch_tg", workspaceId: "ws_1", credentials: { botToken, secretToken, ...overrides }, apiBaseUrl, config: {} };
}

function webhook(rawBody: string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": secretToken }): RawWebhook {
  return { method: "POST", url: "https://kaiwa.example/api/webhooks/telegram/ch_tg", query: new URLSearchParams(), headers: new Headers(headers), rawBody };
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const normalise = (name: string) => telegramAdapter.normalise(webhook(fixture(name)), channel());

describe("Telegram webhook verification", () => {
  it("accepts the configured secret token", () => {
    expect(telegramAdapter.verify(webhook(fixture("text")), channel())).toEqual({ ok: true });
  });

  it("refuses a wrong, missing or differently sized token without echoing the secret", () => {
    const attempts: Record<string, string>[] = [{ "x-telegram-bot-api-secret-token": "s3cret_Token-43" }, {}, { "x-telegram-bot-api-secret-token": `${secretToken}x` }];
    for (const headers of attempts) {
      const result = telegramAdapter.verify(webhook(fixture("text"), headers), channel());
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(secretToken);
    }
  });

  it("refuses everything when no secret is configured", () => {
    const result = telegramAdapter.verify(webhook(fixture("text"), { "x-telegram-bot-api-secret-token": "" }), channel({ secretToken: "" }));
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it("checks a header token, not a body hash, so a re-serialised body with \\u00e4 and \\/ still verifies", () => {
    const raw = '{"update_id":1,"message":{"message_id":1,"chat":{"id":1,"type":"private"},"date":1,"text":"K\\u00e4se http:\\/\\/x"}}';
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(telegramAdapter.verify(webhook(reserialised), channel())).toEqual({ ok: true });
    expect(telegramAdapter.verify(webhook(reserialised, { "x-telegram-bot-api-secret-token": "nope" }), channel()).ok).toBe(false);
  });

  it("has no handshake (setWebhook registers the URL)", () => {
    expect(telegramAdapter.handshake).toBeUndefined();
  });
});

describe("Telegram updates normalised", () => {
  const contact = { externalId: "5012345678", profileName: "Aiko" };

  it("a text message", () => {
    expect(normalise("text")).toEqual([
      {
        dedupeKey: "734120001",
        kind: "message",
        contact: { externalId: "5012345678", profileName: "Aiko Tanaka" },
        timestamp: 1718000000000,
        message: { text: "こんにちは、予約したいです" },
        context: { messageId: "52", chatType: "private" },
      },
    ]);
  });

  it("/start <param> from a t.me deep link carries the ref", () => {
    const [event] = normalise("start-deep-link");
    expect(event).toMatchObject({ kind: "message", ref: "spring_sale-2024", message: { text: "/start spring_sale-2024" }, contact });
  });

  it("a bare /start has no ref", () => {
    const raw = fixture("start-deep-link").replace("/start spring_sale-2024", "/start");
    const [event] = telegramAdapter.normalise(webhook(raw), channel());
    expect(event?.ref).toBeUndefined();
  });

  it("an inline keyboard tap gives the payload, the button's label and the callback query id", () => {
    expect(normalise("callback-query")).toEqual([
      {
        dedupeKey: "734120003",
        kind: "message",
        contact,
        message: { payload: "p2", text: "Tea" },
        context: { callbackQueryId: "4382bfdwdsb323b2d9", messageId: "53" },
      },
    ]);
  });

  it("a photo keeps the largest size's file id and the caption", () => {
    const [event] = normalise("photo");
    expect(event).toMatchObject({ kind: "message", message: { text: "My receipt", media: { kind: "image" } }, context: { mediaId: "AgACAgIAAxkBAAIBLarge" } });
  });

  it("a document is a file with its mime type and name", () => {
    const [event] = normalise("document");
    expect(event).toMatchObject({
      kind: "message",
      message: { media: { kind: "file", mimeType: "application/pdf" } },
      context: { mediaId: "BQACAgIAAxkBAAIBDoc", fileName: "invoice.pdf" },
    });
  });

  it("a location", () => {
    const [event] = normalise("location");
    expect(event).toMatchObject({ kind: "message", message: { location: { latitude: 35.658581, longitude: 139.745433 } } });
  });

  it("an edit is a new event with its own update_id and the edit time, marked as edited", () => {
    const [event] = normalise("edited-message");
    expect(event).toMatchObject({ dedupeKey: "734120007", kind: "message", timestamp: 1718000060000, context: { edited: "true", messageId: "52" } });
    expect(event?.dedupeKey).not.toBe(normalise("text")[0]?.dedupeKey);
  });

  it("blocking the bot is an unfollow, unblocking a follow", () => {
    expect(normalise("blocked")).toEqual([{ dedupeKey: "734120008", kind: "unfollow", contact, timestamp: 1718000100000 }]);
    expect(normalise("unblocked")).toEqual([{ dedupeKey: "734120009", kind: "follow", contact, timestamp: 1718000200000 }]);
  });

  it("unhandled updates and message types are unknown with a note, not a throw", () => {
    expect(normalise("inline-query")).toEqual([{ dedupeKey: "734120010", kind: "unknown", note: 'Telegram update "inline_query" is not handled' }]);
    expect(normalise("poll-message")[0]).toMatchObject({ kind: "unknown", note: 'Telegram message of type "poll" is not handled' });
  });

  it("a body that is not an Update throws MalformedWebhookError", () => {
    for (const raw of ["not json", "[]", '{"message":{}}', '{"update_id":"1"}']) {
      expect(() => telegramAdapter.normalise(webhook(raw), channel())).toThrow(MalformedWebhookError);
    }
  });
});

describe("Telegram send", () => {
  let api: FakeApi;
  beforeEach(async () => {
    api = await startFakeTelegramApi({ botToken, blockedChatIds: ["666"] });
  });
  afterEach(() => api.close());

  const send = (payload: unknown, to = "5012345678") =>
    telegramAdapter.send({ to, payload, idempotencyKey: "out_1" }, channel({}, api.url), fetch);

  it("sends every payload render() produces to the right method, accepted by the fake", async () => {
    const messages = [message("Hello!"), message("Coffee or tea?", choices(2)), message("Pick one", choices(11)), message("Our menu", [], image), message("Prices", [], pdf)];
    const payloads = messages.flatMap((m) => render(m, "telegram").payloads);
    for (const payload of payloads) expect(await send(payload)).toMatchObject({ ok: true, externalId: expect.any(String) });
    expect(api.requests.map((r) => r.status)).toEqual(payloads.map(() => 200));
    expect(api.requests.map((r) => r.path.split("/").pop())).toEqual(["sendMessage", "sendMessage", "sendMessage", "sendPhoto", "sendDocument"]);
    expect(api.requests[2]?.json).toMatchObject({ chat_id: "5012345678", reply_markup: { inline_keyboard: expect.any(Array) } });
    expect((api.requests[2]?.json as { reply_markup: { inline_keyboard: unknown[] } }).reply_markup.inline_keyboard).toHaveLength(11);
  });

  it("answers a callback query", async () => {
    expect(await answerCallbackQuery(channel({}, api.url), "4382bfdwdsb323b2d9", fetch)).toEqual({ ok: true });
    expect(api.requests[0]).toMatchObject({ path: `/bot${botToken}/answerCallbackQuery`, json: { callback_query_id: "4382bfdwdsb323b2d9" }, status: 200 });
  });

  it("429 is retryable after Telegram's retry_after", async () => {
    api.failNext(429, 1, { "retry-after": "7" });
    expect(await send({ text: "hi" })).toMatchObject({ ok: false, retryable: true, retryAfterMs: 7000, status: 429 });
  });

  it("500 and a timeout are retryable", async () => {
    api.failNext(500);
    expect(await send({ text: "hi" })).toMatchObject({ ok: false, retryable: true, status: 500 });
    api.delayNext(1000);
    const result = await sendTelegram({ to: "1", payload: { text: "hi" }, idempotencyKey: "k" }, channel({}, api.url), fetch, { timeoutMs: 100 });
    expect(result).toEqual({ ok: false, retryable: true, error: "Telegram did not answer within 0.1 s" });
  });

  it("400 is permanent with Telegram's description", async () => {
    expect(await send({ text: " " })).toEqual({ ok: false, retryable: false, status: 400, error: "Bad Request: message text is empty" });
  });

  it("a blocked bot (403) is permanent", async () => {
    expect(await send({ text: "hi" }, "666")).toEqual({ ok: false, retryable: false, status: 403, error: "Forbidden: bot was blocked by the user" });
  });

  it("never puts the bot token in an error, even when the API is unreachable", async () => {
    const unreachable = await sendTelegram({ to: "1", payload: { text: "hi" }, idempotencyKey: "k" }, channel({}, "http://127.0.0.1:1"), fetch);
    expect(unreachable).toMatchObject({ ok: false, retryable: true });
    expect(JSON.stringify(unreachable)).not.toContain(botToken);
    const badUrl = await sendTelegram({ to: "1", payload: { text: "hi" }, idempotencyKey: "k" }, channel({}, "not a url"), fetch);
    expect(JSON.stringify(badUrl)).not.toContain(botToken);
    const wrongToken = await telegramAdapter.send({ to: "1", payload: { text: "hi" }, idempotencyKey: "k" }, channel({ botToken: "999:wrong" }, api.url), fetch);
    expect(wrongToken).toEqual({ ok: false, retryable: false, status: 401, error: "Unauthorized" });
  });
});
