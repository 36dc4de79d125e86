import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { outboundMessages, startHarness, type Harness } from "./testing/runtime-harness";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";
const fixture = (name: string) => readFileSync(new URL(`../channels/telegram/fixtures/${name}.json`, import.meta.url), "utf8");
const signed = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };

function update(id: number, fromId: number, text: string): string {
  return JSON.stringify({
    update_id: id,
    message: { message_id: id, from: { id: fromId, is_bot: false, first_name: "Ken" }, chat: { id: fromId, type: "private" }, date: 1718000000 + id, text },
  });
}

describe("the webhook pipeline (Telegram, onboarding survey)", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeTelegramApi({ botToken });
    channelId = await harness.createChannel("telegram", { botToken, secretToken }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("answers a text message through the published default flow, in the channel's format", async () => {
    const response = await harness.post("telegram", channelId, fixture("text"), signed);
    expect(response.status).toBe(200);
    await harness.settle();
    const sent = api.requests.filter((request) => request.path.endsWith("/sendMessage"));
    expect(sent.map((request) => (request.json as { text: string }).text)).toEqual([
      "Hi Aiko! Welcome! Three quick questions so we can help you better.",
      "What brings you here?",
    ]);
    expect((sent[1]!.json as { reply_markup: { inline_keyboard: unknown[] } }).reply_markup.inline_keyboard).toHaveLength(3);
    const rows = await outboundMessages(harness.database, channelId);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(rows.every((row) => row.external_id !== null)).toBe(true);
  });

  it("a tap on an inline keyboard button answers the waiting question and acknowledges the callback query", async () => {
    const keyboard = (api.requests.findLast((request) => request.path.endsWith("/sendMessage"))!.json as {
      reply_markup: { inline_keyboard: { text: string; callback_data: string }[][] };
    }).reply_markup.inline_keyboard;
    const support = keyboard.flat().find((button) => button.text === "Help with my account")!;
    const tap = JSON.parse(fixture("callback-query")) as { callback_query: { data: string; message: { reply_markup: unknown } } };
    tap.callback_query.data = support.callback_data;
    tap.callback_query.message.reply_markup = { inline_keyboard: keyboard };
    const before = api.requests.length;
    expect((await harness.post("telegram", channelId, JSON.stringify(tap), signed)).status).toBe(200);
    await harness.settle();
    await expect.poll(() => api.requests.slice(before).filter((request) => request.path.endsWith("/answerCallbackQuery")).length).toBe(1);
    const after = api.requests.slice(before);
    expect(after.find((request) => request.path.endsWith("/answerCallbackQuery"))).toMatchObject({ status: 200, json: { callback_query_id: "4382bfdwdsb323b2d9" } });
    expect(after.filter((request) => request.path.endsWith("/sendMessage")).map((request) => (request.json as { text: string }).text)).toEqual([
      "How many people work at your company?",
    ]);
    const tags = await harness.database.query<{ name: string }>(
      `select t.name from contact_tags ct join tags t on t.id = ct.tag_id
       join contact_identities ci on ci.contact_id = ct.contact_id where ci.external_id = '5012345678'`,
    );
    expect(tags.map((tag) => tag.name)).toEqual(["interest-support"]);
  });

  it("stores the same webhook delivered twice once, and answers it once", async () => {
    const before = api.requests.length;
    const body = update(900001, 7001, "hello");
    const [first, second] = await Promise.all([harness.post("telegram", channelId, body, signed), harness.post("telegram", channelId, body, signed)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await harness.settle();
    const [row] = await harness.database.query<{ n: number }>("select count(*)::int as n from inbound_events where dedupe_key = '900001'");
    expect(row!.n).toBe(1);
    expect(api.requests.length - before).toBe(2);
  });

  it("refuses a wrong or missing secret with 401/403 and stores nothing", async () => {
    const before = await counts(harness);
    for (const headers of [{ ...signed, "x-telegram-bot-api-secret-token": "wrong" }, { "content-type": "application/json" }]) {
      const response = await harness.post("telegram", channelId, update(900100, 7100, "hi"), headers);
      expect([401, 403]).toContain(response.status);
      expect(response.body).not.toContain(secretToken);
    }
    expect(await counts(harness)).toEqual(before);
    const [channel] = await harness.database.query<{ last_error: string }>("select last_error from channels where id = $1", [channelId]);
    expect(channel!.last_error).toMatch(/refused/);
    expect(channel!.last_error).not.toContain(secretToken);
  });

  it("answers 400 to a malformed body and 404 to an unknown channel or a mismatched type", async () => {
    const before = await counts(harness);
    expect((await harness.post("telegram", channelId, "{not json", signed)).status).toBe(400);
    expect((await harness.post("telegram", "7a1c2b3d-0000-4000-8000-000000000000", update(1, 1, "x"), signed)).status).toBe(404);
    expect((await harness.post("telegram", "not-a-uuid", update(1, 1, "x"), signed)).status).toBe(404);
    const wrongType = await harness.post("line", channelId, update(1, 1, "x"), signed);
    expect(wrongType).toEqual({ status: 404, body: JSON.stringify({ error: "unknown channel" }) });
    expect(await counts(harness)).toEqual(before);
  });

  it("answers ten concurrent messages from one contact one at a time, in order", async () => {
    // Sent at once, they arrive in any order; whatever order they are processed in, the conversation
    // must be exactly the one the same messages give when sent one by one in that order.
    const texts = ["start", "1", "abc", "x@example.com", "hello", "start", "2", "12", "y@example.com", "again"];
    await Promise.all(texts.map((text, i) => harness.post("telegram", channelId, update(910001 + i, 7200, text), signed)));
    await harness.settle();
    const processed = await inboundTexts(harness, "7200");
    expect([...processed].sort()).toEqual([...texts].sort());

    for (const [i, text] of processed.entries()) {
      await harness.post("telegram", channelId, update(920001 + i, 7300, text), signed);
      await harness.settle();
    }
    const concurrent = repliesTo(api, 7200);
    expect(concurrent.length).toBeGreaterThan(10);
    expect(concurrent).toEqual(repliesTo(api, 7300));
  });
});

async function counts(harness: Harness) {
  const [row] = await harness.database.query<{ events: number; contacts: number; messages: number }>(
    "select (select count(*)::int from inbound_events) as events, (select count(*)::int from contacts) as contacts, (select count(*)::int from messages) as messages",
  );
  return row;
}

async function inboundTexts(harness: Harness, externalId: string): Promise<string[]> {
  const rows = await harness.database.query<{ text: string }>(
    `select m.content->>'text' as text from messages m join contact_identities ci on ci.contact_id = m.contact_id
     where ci.external_id = $1 and m.direction = 'inbound' order by m.seq`,
    [externalId],
  );
  return rows.map((row) => row.text);
}

function repliesTo(api: FakeApi, chatId: number): string[] {
  return api.requests
    .filter((request) => request.status === 200 && String((request.json as { chat_id: unknown }).chat_id) === String(chatId))
    .map((request) => (request.json as { text: string }).text);
}
