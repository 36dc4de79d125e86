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
  type MetaTestChannel,
  type MetaWebhookKit,
} from "../meta/meta-webhook-kit";
import { companySizeQuestion, surveyFirstQuestion, surveyWelcome } from "../testing/webhook-test-kit";
import { startFakeInstagramApi } from "./fake-instagram-api";

const igAccount = "17841405309211844";
const credentials = { instagramAccountId: igAccount, pageAccessToken: "EAAGinstagramPageToken012", appSecret: "ig-app-secret-4d5e6f", verifyToken: "ig-verify-token-99" };
const fixture = (name: string) => metaTestKit.fixture(import.meta.url, `${name}.json`);
const igsid = "1254459154682919";
const otherIgsid = "3301928374650012";
const thirdIgsid = "4400556677889900";
// Instagram webhooks carry no profile name, so the survey greets everyone as "there".
const welcome = surveyWelcome();
const askInterest = surveyFirstQuestion;
const askSize = companySizeQuestion;

const fromContact = (sender: string, timestamp: number, fields: Record<string, unknown>) => messagingEvent(sender, igAccount, timestamp, fields);
const igBody = (...events: unknown[]) => messagingBody("instagram", igAccount, [events]);
const textBody = (sender: string, mid: string, text: string, timestamp: number) => igBody(fromContact(sender, timestamp, { message: { mid, text } }));

const sendOf = messagingSendOf;

describe("Instagram messaging webhooks over HTTP (onboarding survey)", () => {
  let kit: MetaWebhookKit;

  beforeAll(async () => {
    kit = await startMetaWebhookKit({
      type: "instagram",
      credentials,
      startFakeApi: () => startFakeInstagramApi({ accessToken: credentials.pageAccessToken }),
      recipientOf: (json) => sendOf(json).recipient.id,
      textOf: (json) => sendOf(json).message.text,
    });
  });
  afterAll(async () => {
    await kit?.close();
  });

  const startSurvey = (channel: MetaTestChannel, sender: string, mid: string) => startMessagingSurvey(kit, channel, textBody(sender, mid, "hello", 1718100000000), sender);

  it("answers Meta's verification handshake only for the right verify token", async () => {
    await metaWebhookChecks.handshake(await kit.newChannel(), credentials.verifyToken);
  });

  it("answers a signed story reply with the survey's welcome and quick replies, and stores the message ids", async () => {
    const channel = await kit.newChannel();
    await expectMessagingSurveyStart(kit, channel, fixture("text"), igsid, credentials.pageAccessToken);
  });

  it("resumes the waiting question on a quick reply and on a postback carrying a choice's payload", async () => {
    const channel = await kit.newChannel();
    const support = (await startSurvey(channel, igsid, "aWdfc3RhcnQx")).find((reply) => reply.title === "Help with my account")!;
    await channel.post(igBody(fromContact(igsid, 1718100001000, { message: { mid: "aWdfdGFwMQ", text: support.title, quick_reply: { payload: support.payload } } })));
    const pricing = (await startSurvey(channel, otherIgsid, "aWdfc3RhcnQy")).find((reply) => reply.title === "Pricing and plans")!;
    await channel.post(igBody(fromContact(otherIgsid, 1718100002000, { postback: { mid: "aWdfdGFwMg", title: pricing.title, payload: pricing.payload } })));
    await kit.harness.settle();
    expect(channel.textsTo(igsid)).toEqual([welcome, askInterest, askSize]);
    expect(channel.textsTo(otherIgsid)).toEqual([welcome, askInterest, askSize]);
    const interests = await kit.harness.database.query<{ interest: string }>(
      "select c.fields->>'interest' as interest from contacts c join contact_identities ci on ci.contact_id = c.id where ci.channel_id = $1 order by ci.external_id",
      [channel.id],
    );
    expect(interests.map((row) => row.interest)).toEqual(["Help with my account", "Pricing and plans"]);
  });

  it("marks the message a read receipt names as read, and ignores reads of messages it never sent", async () => {
    const channel = await kit.newChannel();
    await startSurvey(channel, igsid, "aWdfcmVhZDE");
    const [welcomeId, questionId] = (await channel.outbound()).map((row) => row.external_id!);
    const statusOf = async (externalId: string) => (await channel.outbound()).find((row) => row.external_id === externalId)!.status;

    await channel.post(igBody(fromContact(igsid, 1718100003000, { read: { mid: questionId } })));
    await kit.harness.settle();
    expect(await statusOf(questionId!)).toBe("read");
    await channel.post(igBody(fromContact(igsid, 1718100004000, { read: { mid: welcomeId } }), fromContact(igsid, 1718100004001, { read: { mid: "aWdfbmV2ZXJzZW50" } })));
    await kit.harness.settle();
    expect((await channel.outbound()).map((row) => row.status)).toEqual(["read", "read"]);
    const statuses = (await channel.events()).filter((event) => event.kind === "status");
    expect(statuses.map((event) => [event.dedupe_key, event.processed, event.error])).toEqual([
      [`${questionId}:read`, true, null],
      [`${welcomeId}:read`, true, null],
      ["aWdfbmV2ZXJzZW50:read", true, null],
    ]);
  });

  it("refuses wrong, missing and re-serialised signatures with nothing stored and no secret shown", async () => {
    const raw = `{"object":"instagram","entry":[{"id":"${igAccount}","time":1718100000500,"messaging":[{"sender":{"id":"6600112233445566"},"recipient":{"id":"${igAccount}"},"timestamp":1718100000123,"message":{"mid":"aWdfZXNjYXBlZDE","text":"Gr\\u00fc\\u00dfe \\/ https:\\/\\/kaiwa.example"}}]}]}`;
    const forged = await kit.newChannel();
    await metaWebhookChecks.forgedSignatures(kit, forged, raw, credentials.appSecret);
    const [inbound] = await kit.harness.database.query<{ text: string }>("select content->>'text' as text from messages where channel_id = $1 and direction = 'inbound'", [forged.id]);
    expect(inbound!.text).toBe("Grüße / https://kaiwa.example");
  });

  it("answers 400 to a signed body that is not an Instagram webhook, and stores nothing", async () => {
    await metaWebhookChecks.malformedBodies(kit, await kit.newChannel(), "page");
  });

  it("creates and answers every contact of a batch with several entries and events", async () => {
    const batch = await kit.newChannel();
    const fromFixture = JSON.parse(fixture("batch")) as { object: string; entry: unknown[] };
    const secondEntry = JSON.parse(textBody(thirdIgsid, "aWdfdGhpcmQx", "three", 1718100080444)) as { entry: unknown[] };
    const body = JSON.stringify({ ...fromFixture, entry: [...fromFixture.entry, ...secondEntry.entry] });
    expect((await batch.post(body)).status).toBe(200);
    await kit.harness.settle();
    expect((await batch.contacts()).map((contact) => contact.external_id)).toEqual([igsid, otherIgsid, thirdIgsid]);
    for (const contact of [igsid, otherIgsid, thirdIgsid]) expect(batch.textsTo(contact)).toEqual([welcome, askInterest]);
    const events = await batch.events();
    expect(events.map((event) => [event.dedupe_key, event.kind])).toEqual([
      ["aWdfZAG1faXRlbTpiYXRjaDAwMQ", "message"],
      ["aWdfZAG1faXRlbTpiYXRjaDAwMg", "message"],
      ["aWdfZAG1faXRlbTpzZW50YnlrYWl3YTAwMg:read", "status"],
      ["aWdfdGhpcmQx", "message"],
    ]);
    expect(events.every((event) => event.processed && event.error === null)).toBe(true);
  });

  it("stores an echo of the account's own message without answering it or creating a contact", async () => {
    const echo = await kit.newChannel();
    expect((await echo.post(fixture("echo"))).status).toBe(200);
    await kit.harness.settle();
    expect((await echo.events()).map((event) => [event.dedupe_key, event.kind, event.processed])).toEqual([["aWdfZAG1faXRlbTplY2hvMDAx", "echo", true]]);
    expect(echo.requests()).toEqual([]);
    expect(await echo.contacts()).toEqual([]);
  });

  it("stores deletions, reactions and comment changes as visible unknown events", async () => {
    const unknown = await kit.newChannel();
    expect((await unknown.post(fixture("unknown"))).status).toBe(200);
    await kit.harness.settle();
    const events = await unknown.events();
    expect(events.map((event) => [event.kind, event.processed, event.error])).toEqual(Array.from({ length: 3 }, () => ["unknown", true, null]));
    expect(events.map((event) => event.note)).toEqual([
      "The contact deleted a message.",
      'Event "reaction", not handled by Kaiwa.',
      'Instagram "comments" change, not a message.',
    ]);
    expect(unknown.requests()).toEqual([]);
    expect(await unknown.contacts()).toEqual([]);
  });

  it("stores and answers the same webhook delivered twice only once", async () => {
    const twice = await kit.newChannel();
    const body = textBody(otherIgsid, "aWdfdHdpY2Ux", "hi", 1718100007000);
    const answers = await Promise.all([twice.post(body), twice.post(body)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await kit.harness.settle();
    expect((await twice.events()).map((event) => event.dedupe_key)).toEqual(["aWdfdHdpY2Ux"]);
    expect(twice.textsTo(otherIgsid)).toEqual([welcome, askInterest]);
  });

  it("retries a 429 and a 500 until the message is delivered once, and fails a permanent 400 with Meta's reason", async () => {
    const flaky = await kit.newChannel();
    // The Send API sends no Retry-After: the sender's own backoff (1 s, 2 s) paces the retries.
    kit.api.failNext(429);
    kit.api.failNext(500);
    await flaky.post(textBody(igsid, "aWdfZmxha3kx", "hello", 1718100008000));
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
    await refused.post(textBody(otherIgsid, "aWdfcmVmdXNlZDE", "hello", 1718100009000));
    await refused.drainOutbox();
    expect(refused.requests().map((request) => request.status)).toEqual([400, 200]);
    expect((await refused.outbound()).map((row) => [row.status, row.error])).toEqual([
      ["failed", "Meta error 100: (#100) Invalid parameter"],
      ["sent", null],
    ]);
  });
});
