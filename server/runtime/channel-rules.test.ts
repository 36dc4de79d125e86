import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createCaller } from "../api/root";
import { startFakeMessengerApi } from "../channels/messenger/fake-messenger-api";
import { metaTestKit } from "../channels/meta/meta-test-kit";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { startFakeWhatsappApi } from "../channels/whatsapp/fake-whatsapp-api";
import { settleWithRetries } from "../channels/testing/webhook-test-kit";
import { startHarness, type Harness } from "./testing/runtime-harness";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";
const appSecret = "meta-app-secret-42";
const telegramHeaders = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };
let updateId = 500_000;
const fixture = (name: string) => readFileSync(new URL(`../channels/telegram/fixtures/${name}.json`, import.meta.url), "utf8");

const telegramText = (fromId: number, text: string) =>
  JSON.stringify({ update_id: ++updateId, message: { message_id: updateId, from: { id: fromId, is_bot: false, first_name: "Ken" }, chat: { id: fromId, type: "private" }, date: Math.floor(Date.now() / 1000), text } });

const whatsappText = (waId: string, text: string) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: "1065403522" }, contacts: [{ wa_id: waId, profile: { name: "Mei" } }], messages: [{ from: waId, id: `wamid.${++updateId}`, timestamp: "1718000000", type: "text", text: { body: text } }] } }] }],
  });

const messengerText = (psid: string, text: string) =>
  JSON.stringify({ object: "page", entry: [{ id: "1065489", time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: "1065489" }, timestamp: Date.now(), message: { mid: `m_${++updateId}`, text } }] }] });

// The channel rules the runtime keeps whatever the flow says: silence while a human has the
// conversation, nothing run on a disabled channel, and the 24-hour windows of WhatsApp and Messenger.
describe("channel rules in the runtime", () => {
  let harness: Harness;
  let telegram: FakeApi;
  let whatsapp: FakeApi;
  let messenger: FakeApi;
  let telegramId: string;
  let whatsappId: string;
  let messengerId: string;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    harness = await startHarness();
    [telegram, whatsapp, messenger] = await Promise.all([startFakeTelegramApi({ botToken }), startFakeWhatsappApi(), startFakeMessengerApi()]);
    telegramId = await harness.createChannel("telegram", { botToken, secretToken }, telegram.url);
    whatsappId = await harness.createChannel("whatsapp", { phoneNumberId: "1065403522", accessToken: "EAAtoken", appSecret, verifyToken: "verify-token-1" }, whatsapp.url);
    messengerId = await harness.createChannel("messenger", { pageId: "1065489", pageAccessToken: "EAApage", appSecret, verifyToken: "verify-token-2" }, messenger.url);
    caller = createCaller({ database: harness.database, queue: harness.kaiwa.queue, workspaceId: harness.workspaceId, userId: harness.ownerId });
    await publish(caller, "Talk to a human", { t: ["trigger", { keywords: [{ match: "exact", value: "agent" }] }], say: ["message", { text: "Connecting you to our team." }], h: ["handoff", {}] }, ["t -> say", "say -> h"]);
    await publish(
      caller,
      "Reminder",
      {
        t: ["trigger", { keywords: [{ match: "exact", value: "remind me" }] }],
        ok: ["message", { text: "Sure, I'll remind you." }],
        w: ["wait", { amount: 2, unit: "seconds" }],
        later: ["message", { text: "Here is your\nreminder." }],
      },
      ["t -> ok", "ok -> w", "w -> later"],
    );
  });
  afterAll(async () => {
    await harness?.close();
    await Promise.all([telegram?.close(), whatsapp?.close(), messenger?.close()]);
  });

  it("stays silent while a human has the conversation, and still records what the contact says", async () => {
    await harness.post("telegram", telegramId, telegramText(8001, "agent"), telegramHeaders);
    await harness.settle();
    expect(textsTo(telegram, 8001)).toEqual(["Connecting you to our team."]);
    for (const text of ["hello?", "start"]) await harness.post("telegram", telegramId, telegramText(8001, text), telegramHeaders);
    await harness.settle();
    expect(textsTo(telegram, 8001)).toEqual(["Connecting you to our team."]);
    const [conversation] = await harness.database.query<{ bot_paused: boolean; inbound: string[] }>(
      `select c.bot_paused, (select array_agg(m.content->>'text' order by m.seq) from messages m where m.conversation_id = c.id and m.direction = 'inbound') as inbound
       from conversations c join contact_identities ci on ci.contact_id = c.contact_id where ci.external_id = '8001'`,
    );
    expect(conversation).toEqual({ bot_paused: true, inbound: ["agent", "hello?", "start"] });
  });

  it("records webhooks of a disabled channel without running a flow, and answers again once enabled", async () => {
    await caller.channels.disable({ id: telegramId });
    expect((await harness.post("telegram", telegramId, telegramText(8002, "start"), telegramHeaders)).status).toBe(200);
    await harness.settle();
    expect(textsTo(telegram, 8002)).toEqual([]);
    const [event] = await harness.database.query<{ error: string; processed: boolean }>(
      "select error, processed_at is not null as processed from inbound_events where channel_id = $1 and contact_external_id = '8002'",
      [telegramId],
    );
    expect(event).toEqual({ error: "The channel is disabled: no flow was run.", processed: true });

    await caller.channels.enable({ id: telegramId });
    await harness.post("telegram", telegramId, telegramText(8002, "start"), telegramHeaders);
    await harness.settle();
    expect(textsTo(telegram, 8002)[0]).toMatch(/^Hi Ken! Welcome!/);
  });

  it("a reply still waiting to be retried is not sent once the contact blocks the bot; writing again unblocks", async () => {
    // Telegram's 429 says "retry after 7": the welcome waits that long, and meanwhile the contact blocks the bot.
    telegram.failNext(429);
    await harness.post("telegram", telegramId, telegramText(8003, "hi"), telegramHeaders);
    // Not harness.settle(): it would wait for the retry.
    await expect.poll(() => telegram.requests.filter((request) => request.status === 429 && sentTo(request.json, "8003")).length).toBe(1);
    const blocked = JSON.parse(fixture("blocked")) as { update_id: number; my_chat_member: { chat: { id: number }; from: { id: number } } };
    blocked.update_id = ++updateId;
    blocked.my_chat_member.chat.id = blocked.my_chat_member.from.id = 8003;
    expect((await harness.post("telegram", telegramId, JSON.stringify(blocked), telegramHeaders)).status).toBe(200);
    await settleWithRetries(harness);
    expect(telegram.requests.filter((request) => request.status === 200 && sentTo(request.json, "8003"))).toEqual([]);
    expect(await outbound(harness, "8003")).toEqual([
      { status: "failed", error: "contact opted out (unfollowed, unsubscribed or blocked)" },
      { status: "failed", error: "contact opted out (unfollowed, unsubscribed or blocked)" },
    ]);

    await harness.post("telegram", telegramId, telegramText(8003, "start"), telegramHeaders);
    await harness.settle();
    const delivered = telegram.requests.filter((request) => request.status === 200 && sentTo(request.json, "8003"));
    // The survey was still waiting on its first question: "start" is not one of the choices, so it asks again.
    expect(delivered.map((request) => (request.json as { text: string }).text)).toEqual([
      "Sorry, I didn't get that. Please choose one of the options below, or reply with its number.",
    ]);
  });

  it("outside WhatsApp's 24-hour window a bot message fails visibly instead of being sent", async () => {
    const waId = "819011112222";
    await startReminder(harness, whatsappId, waId);
    await expect.poll(() => outbound(harness, waId), { timeout: 15_000 }).toHaveLength(2);
    expect(whatsappTextsTo(whatsapp, waId)).toEqual(["Sure, I'll remind you."]);
    const [, late] = await outbound(harness, waId);
    expect(late).toMatchObject({ status: "failed", error: expect.stringMatching(/^outside WhatsApp's 24-hour window: only approved templates/) });
  });

  it("with a template chosen for the channel, the late message goes out as that template", async () => {
    await caller.channels.setOutsideWindow({ id: whatsappId, policy: { mode: "template", templateName: "follow_up", languageCode: "en_US" } });
    const waId = "819033334444";
    await startReminder(harness, whatsappId, waId);
    await expect.poll(() => whatsapp.requests.filter((request) => sentTo(request.json, waId)).length, { timeout: 15_000 }).toBe(2);
    await harness.settle();
    const late = whatsapp.requests.filter((request) => sentTo(request.json, waId))[1]!;
    expect(late).toMatchObject({
      status: 200,
      json: { type: "template", template: { name: "follow_up", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Here is your reminder." }] }] } },
    });
    expect((await outbound(harness, waId)).map((row) => row.status)).toEqual(["sent", "sent"]);
    await expect(caller.channels.setOutsideWindow({ id: whatsappId, policy: { mode: "tag", tag: "ACCOUNT_UPDATE" } })).rejects.toThrow(/cannot send "tag" messages/);
  });

  it("with a message tag chosen for a Messenger page, the late message goes out tagged", async () => {
    await caller.channels.setOutsideWindow({ id: messengerId, policy: { mode: "tag", tag: "ACCOUNT_UPDATE" } });
    const psid = "7283941056200001";
    const body = messengerText(psid, "remind me");
    expect((await harness.post("messenger", messengerId, body, signedMeta(body))).status).toBe(200);
    await harness.settle();
    await ageLastInbound(harness, psid);
    await expect.poll(() => messenger.requests.filter((request) => sentTo(request.json, psid)).length, { timeout: 15_000 }).toBe(2);
    const [first, late] = messenger.requests.filter((request) => sentTo(request.json, psid));
    expect(first!.json).toMatchObject({ messaging_type: "RESPONSE", message: { text: "Sure, I'll remind you." } });
    expect(late).toMatchObject({ status: 200, json: { messaging_type: "MESSAGE_TAG", tag: "ACCOUNT_UPDATE", message: { text: "Here is your\nreminder." } } });
  });
});

async function publish(caller: ReturnType<typeof createCaller>, name: string, nodes: Parameters<typeof buildDoc>[0]["nodes"], edges: string[]) {
  const flow = await caller.flows.import({ json: JSON.stringify(buildDoc({ name, nodes, edges })) });
  await caller.flows.publish({ id: flow.id });
}

function signedMeta(body: string): Record<string, string> {
  return { "content-type": "application/json", "x-hub-signature-256": metaTestKit.sign(body, appSecret) };
}

// The contact asks for a reminder; before the 2-second wait ends, their last message is made 25 hours old.
async function startReminder(harness: Harness, channelId: string, waId: string) {
  const body = whatsappText(waId, "remind me");
  expect((await harness.post("whatsapp", channelId, body, signedMeta(body))).status).toBe(200);
  await harness.settle();
  await ageLastInbound(harness, waId);
}

async function ageLastInbound(harness: Harness, externalId: string) {
  await harness.database.query("update contact_identities set last_inbound_at = now() - interval '25 hours' where external_id = $1", [externalId]);
}

function outbound(harness: Harness, externalId: string) {
  return harness.database.query<{ status: string; error: string | null }>(
    `select m.status, m.error from messages m join contact_identities ci on ci.contact_id = m.contact_id
     where ci.external_id = $1 and m.direction = 'outbound' order by m.seq`,
    [externalId],
  );
}

function sentTo(json: unknown, to: string): boolean {
  const body = json as { to?: string; recipient?: { id?: string } } | undefined;
  const chat = (json as { chat_id?: unknown } | undefined)?.chat_id;
  return body?.to === to || body?.recipient?.id === to || (chat !== undefined && String(chat) === to);
}

function whatsappTextsTo(api: FakeApi, waId: string): string[] {
  return api.requests.filter((request) => sentTo(request.json, waId)).map((request) => (request.json as { text?: { body: string } }).text?.body ?? "(not text)");
}

function textsTo(api: FakeApi, chatId: number): string[] {
  return api.requests
    .filter((request) => request.path.endsWith("/sendMessage") && String((request.json as { chat_id: unknown }).chat_id) === String(chatId))
    .map((request) => (request.json as { text: string }).text);
}
