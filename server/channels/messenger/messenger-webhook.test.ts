import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaTestKit } from "../meta/meta-test-kit";
import {
  expectMessagingSurveyStart,
  messagingBody,
  messagingEvent,
  messagingSendOf,
  metaWebhookChecks,
  startMessagingSurvey,
  startMetaWebhookKit,
  watermarkAfter,
  type MetaTestChannel,
  type MetaWebhookKit,
} from "../meta/meta-webhook-kit";
import { companySizeQuestion, surveyFirstQuestion, surveyWelcome } from "../testing/webhook-test-kit";
import { startFakeMessengerApi } from "./fake-messenger-api";

const pageId = "106548912345678";
const credentials = { pageId, pageAccessToken: "EAAGmessengerPageToken0123", appSecret: "fb-app-secret-1a2b3c", verifyToken: "fb-verify-token-77" };
const fixture = (name: string) => metaTestKit.fixture(import.meta.url, `${name}.json`);
const psid = "7283941056238475";
const otherPsid = "5512398470012345";
// Messenger webhooks carry no profile name, so the survey greets everyone as "there".
const welcome = surveyWelcome();
const askInterest = surveyFirstQuestion;
const askSize = companySizeQuestion;

const fromContact = (sender: string, timestamp: number, fields: Record<string, unknown>) => messagingEvent(sender, pageId, timestamp, fields);
const pageBody = (...events: unknown[]) => messagingBody("page", pageId, [events]);
const textBody = (sender: string, mid: string, text: string, timestamp: number) => pageBody(fromContact(sender, timestamp, { message: { mid, text } }));

const sendOf = messagingSendOf;

describe("Messenger webhooks over HTTP (onboarding survey)", () => {
  let kit: MetaWebhookKit;

  beforeAll(async () => {
    kit = await startMetaWebhookKit({
      type: "messenger",
      credentials,
      startFakeApi: () => startFakeMessengerApi({ accessToken: credentials.pageAccessToken }),
      recipientOf: (json) => sendOf(json).recipient.id,
      textOf: (json) => sendOf(json).message.text,
    });
  });
  afterAll(async () => {
    await kit?.close();
  });

  const startSurvey = (channel: MetaTestChannel, sender: string, mid: string) => startMessagingSurvey(kit, channel, textBody(sender, mid, "hello", 1718000000000), sender);

  it("answers Meta's verification handshake only for the right verify token", async () => {
    await metaWebhookChecks.handshake(await kit.newChannel(), credentials.verifyToken);
  });

  it("answers a signed text with the survey's welcome and quick replies, and stores the message ids", async () => {
    const channel = await kit.newChannel();
    await expectMessagingSurveyStart(kit, channel, fixture("text"), psid, credentials.pageAccessToken);
  });

  it("resumes the waiting question on a quick reply and on a postback carrying a choice's payload", async () => {
    const channel = await kit.newChannel();
    const choices = await startSurvey(channel, psid, "m_start1");
    const support = choices.find((reply) => reply.title === "Help with my account")!;
    await channel.post(pageBody(fromContact(psid, 1718000001000, { message: { mid: "m_tap1", text: support.title, quick_reply: { payload: support.payload } } })));
    const pricing = (await startSurvey(channel, otherPsid, "m_start2")).find((reply) => reply.title === "Pricing and plans")!;
    await channel.post(pageBody(fromContact(otherPsid, 1718000002000, { postback: { mid: "m_tap2", title: pricing.title, payload: pricing.payload } })));
    await kit.harness.settle();
    expect(channel.textsTo(psid)).toEqual([welcome, askInterest, askSize]);
    expect(channel.textsTo(otherPsid)).toEqual([welcome, askInterest, askSize]);
    const interests = await kit.harness.database.query<{ interest: string }>(
      "select c.fields->>'interest' as interest from contacts c join contact_identities ci on ci.contact_id = c.id where ci.channel_id = $1 order by ci.external_id",
      [channel.id],
    );
    expect(interests.map((row) => row.interest)).toEqual(["Pricing and plans", "Help with my account"]);
  });

  it("moves statuses forward by mid and by watermark, only for messages sent at or before it", async () => {
    const channel = await kit.newChannel();
    const support = (await startSurvey(channel, psid, "m_status1")).find((reply) => reply.title === "Help with my account")!;
    const [welcomeId, questionId] = (await channel.outbound()).map((row) => row.external_id!);
    const readUpTo = await watermarkAfter(kit.harness, channel.id, questionId!);
    // Answered after the watermark was taken: the size question is newer than it.
    await channel.post(pageBody(fromContact(psid, 1718000003000, { message: { mid: "m_status2", text: support.title, quick_reply: { payload: support.payload } } })));
    await kit.harness.settle();
    const sizeId = (await channel.outbound())[2]!.external_id!;
    const deliveredUpTo = await watermarkAfter(kit.harness, channel.id, sizeId);

    const webhooks = [
      pageBody(fromContact(psid, 1718000004000, { delivery: { mids: [welcomeId], watermark: readUpTo } })),
      pageBody(fromContact(psid, 1718000005000, { read: { watermark: readUpTo } })),
      // A delivery watermark covering everything: it moves the size question, never a read message back.
      pageBody(fromContact(psid, 1718000006000, { delivery: { watermark: deliveredUpTo } })),
    ];
    const seen: string[][] = [];
    for (const body of webhooks) {
      expect((await channel.post(body)).status).toBe(200);
      await kit.harness.settle();
      seen.push((await channel.outbound()).map((row) => row.status));
    }
    expect(seen).toEqual([
      ["delivered", "sent", "sent"],
      ["read", "read", "sent"],
      ["read", "read", "delivered"],
    ]);
    expect((await channel.events()).filter((event) => event.kind === "status").every((event) => event.processed && event.error === null)).toBe(true);
  });

  it("refuses wrong, missing and re-serialised signatures with nothing stored and no secret shown", async () => {
    const raw = `{"object":"page","entry":[{"id":"${pageId}","time":1718000000500,"messaging":[{"sender":{"id":"6600112233445566"},"recipient":{"id":"${pageId}"},"timestamp":1718000000123,"message":{"mid":"m_escaped1","text":"M\\u00e4rchen https:\\/\\/kaiwa.example"}}]}]}`;
    const forged = await kit.newChannel();
    await metaWebhookChecks.forgedSignatures(kit, forged, raw, credentials.appSecret);
    const [inbound] = await kit.harness.database.query<{ text: string }>("select content->>'text' as text from messages where channel_id = $1 and direction = 'inbound'", [forged.id]);
    expect(inbound!.text).toBe("Märchen https://kaiwa.example");
  });

  it("answers 400 to a signed body that is not a Messenger webhook, and stores nothing", async () => {
    await metaWebhookChecks.malformedBodies(kit, await kit.newChannel(), "instagram");
  });

  it("creates and answers every contact of a batch with several entries and events", async () => {
    const batch = await kit.newChannel();
    expect((await batch.post(fixture("batch"))).status).toBe(200);
    await kit.harness.settle();
    // The third sender only read something: a read creates no contact.
    expect((await batch.contacts()).map((contact) => contact.external_id)).toEqual([otherPsid, psid]);
    expect(batch.textsTo(psid)).toEqual([welcome, askInterest, "Sorry, I didn't get that. Please choose one of the options below, or reply with its number."]);
    expect(batch.textsTo(otherPsid)).toEqual([welcome, askInterest]);
    const events = await batch.events();
    expect(events.map((event) => [event.dedupe_key, event.kind])).toEqual([
      ["m_batchA00000000000000000000000001", "message"],
      ["m_batchB00000000000000000000000001", "message"],
      ["m_batchC00000000000000000000000001", "message"],
      ["read:8102736450912837:1718000090000", "status"],
    ]);
    expect(events.every((event) => event.processed && event.error === null)).toBe(true);
  });

  it("stores an echo of the Page's own message without answering it or creating a contact", async () => {
    const echo = await kit.newChannel();
    expect((await echo.post(fixture("echo"))).status).toBe(200);
    await kit.harness.settle();
    expect((await echo.events()).map((event) => [event.dedupe_key, event.kind, event.processed])).toEqual([["m_echo0000000000000000000000000001", "echo", true]]);
    expect(echo.requests()).toEqual([]);
    expect(await echo.contacts()).toEqual([]);
  });

  it("stores reactions, templates, standby events and other Pages' events as visible unknown events", async () => {
    const unknown = await kit.newChannel();
    expect((await unknown.post(fixture("unknown"))).status).toBe(200);
    await kit.harness.settle();
    const events = await unknown.events();
    expect(events.map((event) => [event.kind, event.processed, event.error])).toEqual(Array.from({ length: 4 }, () => ["unknown", true, null]));
    expect(events.map((event) => event.note)).toEqual([
      'Event "reaction", not handled by Kaiwa.',
      "A message with nothing Kaiwa reads (attachments: template).",
      "Messenger standby event: another app has this conversation.",
      `Messenger event for account 999888777666555, not this channel's ${pageId}: check the webhook subscription.`,
    ]);
    expect(unknown.requests()).toEqual([]);
    expect(await unknown.contacts()).toEqual([]);
  });

  it("stores and answers the same webhook delivered twice only once", async () => {
    const twice = await kit.newChannel();
    const body = textBody(otherPsid, "m_twice1", "hi", 1718000007000);
    const answers = await Promise.all([twice.post(body), twice.post(body)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await kit.harness.settle();
    expect((await twice.events()).map((event) => event.dedupe_key)).toEqual(["m_twice1"]);
    expect(twice.textsTo(otherPsid)).toEqual([welcome, askInterest]);
  });

  it("retries a 429 and a 500 until the message is delivered once, and fails a permanent 400 with Meta's reason", async () => {
    const flaky = await kit.newChannel();
    // The Send API sends no Retry-After: the sender's own backoff (1 s, 2 s) paces the retries.
    kit.api.failNext(429);
    kit.api.failNext(500);
    await flaky.post(textBody(psid, "m_flaky1", "hello", 1718000008000));
    await flaky.drainOutbox();
    expect(flaky.requests().map((request) => [request.status, sendOf(request.json).message.text])).toEqual([
      [429, welcome],
      [500, welcome],
      [200, welcome],
      [200, askInterest],
    ]);
    expect((await flaky.outbound()).map((row) => [row.status, row.error])).toEqual([
      ["sent", null],
      ["sent", null],
    ]);

    const refused = await kit.newChannel();
    kit.api.failNext(400);
    await refused.post(textBody(otherPsid, "m_refused1", "hello", 1718000009000));
    await refused.drainOutbox();
    expect(refused.requests().map((request) => request.status)).toEqual([400, 200]);
    expect((await refused.outbound()).map((row) => [row.status, row.error])).toEqual([
      ["failed", "Meta error 100: (#100) Invalid parameter"],
      ["sent", null],
    ]);
  });
});
