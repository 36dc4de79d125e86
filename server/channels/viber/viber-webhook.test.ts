import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../runtime/testing/runtime-harness";
import type { FakeApi, RecordedRequest } from "../testing/fake-api-server";
import {
  companySizeQuestion,
  contactOf,
  expectRefused,
  greetFollowersWithSurvey,
  inboundEvents,
  lastError,
  sentTo,
  settleWithRetries,
  storedCounts,
  surveyChoices,
  surveyWelcome,
} from "../testing/webhook-test-kit";
import { startFakeViberApi } from "./fake-viber-api";

const authToken = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
const senderName = "Kaiwa Demo";
const olena = "01234567890A=";
const unsubscribedUser = "gone00000000A=";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const sign = (body: string) => createHmac("sha256", authToken).update(body, "utf8").digest("hex");

// Callbacks written as Viber writes them: message_token a bare JSON number above 2^53.
let lastToken = 7000000000000000000n;
let clock = 1457764300000;
function callback(event: string, userId: string, fields: string): { raw: string; token: string } {
  const token = String((lastToken += 1n));
  clock += 1000;
  return { raw: `{"event":"${event}","timestamp":${clock},"chat_hostname":"SN-376_","message_token":${token},${fields}}`, token };
}
const textFrom = (userId: string, text: string, name = "Taras", timestamp?: number) => {
  const made = callback("message", userId, `"sender":{"id":"${userId}","name":"${name}","api_version":10},"message":{"type":"text","text":${JSON.stringify(text)}}`);
  return timestamp === undefined ? made : { ...made, raw: made.raw.replace(/"timestamp":\d+/, `"timestamp":${timestamp}`) };
};
const statusOf = (event: string, token: string, extra = "") =>
  `{"event":"${event}","timestamp":${(clock += 1000)},"chat_hostname":"SN-376_","message_token":${token},"user_id":"${olena}"${extra}}`;

type ViberBody = { receiver: string; sender: { name: string }; type: string; text: string; keyboard?: { Buttons: { ActionType: string; ActionBody: string; Text: string }[] } };
const bodyOf = (request: RecordedRequest) => request.json as ViberBody;

describe("Viber webhooks over HTTP (onboarding survey)", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;
  const post = (body: string, signature: string | null = sign(body)) =>
    harness.post("viber", channelId, body, { "content-type": "application/json", ...(signature === null ? {} : { "x-viber-content-signature": signature }) });
  const sendsTo = (userId: string) => api.requests.filter((r) => bodyOf(r)?.receiver === userId);

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeViberApi({ authToken, unsubscribedReceivers: [unsubscribedUser] });
    channelId = await harness.createChannel("viber", { authToken, senderName }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("answers set_webhook's event: \"webhook\" callback with 200 and stores nothing", async () => {
    const before = await storedCounts(harness);
    expect(await post(fixture("webhook"), null)).toEqual({ status: 200, body: "" });
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("answers a text message with the survey, the question as a reply keyboard", async () => {
    expect((await post(fixture("text"))).status).toBe(200);
    await harness.settle();
    const sent = sendsTo(olena);
    expect(sent.map((r) => bodyOf(r).text)).toEqual([surveyWelcome("Olena"), "What brings you here?"]);
    expect(sent.every((r) => bodyOf(r).sender.name === senderName)).toBe(true);
    expect(bodyOf(sent[1]!).keyboard!.Buttons.map((b) => [b.ActionType, b.ActionBody, b.Text])).toEqual([
      ["reply", "pricing", surveyChoices[0]],
      ["reply", "support", surveyChoices[1]],
      ["reply", "browsing", surveyChoices[2]],
    ]);
    const rows = await sentTo(harness, channelId, olena);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    // Viber's message_token exceeds 2^53: kept digit for digit, here and in the dedupe key.
    expect(rows.map((row) => row.external_id)).toEqual(sent.map((r) => /"message_token":(\d+)/.exec(r.response)![1]));
    expect((await inboundEvents(harness, channelId, ["4912661846655238145"])).map((e) => e.kind)).toEqual(["message"]);
    const [inbound] = await harness.database.query<{ text: string }>("select content->>'text' as text from messages where channel_id = $1 and direction = 'inbound'", [channelId]);
    expect(inbound!.text).toBe("Добрий день! Käse http://example.com");
  });

  it("refuses wrong, missing and re-serialised-body signatures, leaking and storing nothing", async () => {
    const raw = fixture("text");
    const reserialised = JSON.stringify(JSON.parse(raw));
    const wrong = createHmac("sha256", "not-the-token").update(raw).digest("hex");
    await expectRefused(harness, channelId, [() => post(raw, wrong), () => post(raw, null), () => post(reserialised, sign(raw))], [authToken, sign(raw), sign(reserialised)]);
  });

  it("answers 400 to a signed body that is not a Viber callback, storing nothing", async () => {
    const before = await storedCounts(harness);
    for (const body of ['{"timestamp":1457764197627,"message_token":1}', "event=message"]) {
      expect(await post(body)).toEqual({ status: 400, body: JSON.stringify({ error: "malformed webhook" }) });
      expect(await lastError(harness, channelId)).toMatch(/^Malformed webhook: Viber/);
    }
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("answers several contacts' concurrent callbacks, each in full", async () => {
    const users = ["many1000000A=", "many2000000A=", "many3000000A=", "many4000000A="];
    const answers = await Promise.all(users.map((u) => post(textFrom(u, "hi").raw)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await harness.settle();
    for (const u of users) expect(sendsTo(u).map((r) => bodyOf(r).text)).toEqual([surveyWelcome("Taras"), "What brings you here?"]);
  });

  it("resumes the waiting question when the contact taps a keyboard button", async () => {
    // The fixture's tap comes back as text equal to the button's ActionBody.
    expect((await post(fixture("button-reply").replace('"text": "p2"', '"text": "support"'))).status).toBe(200);
    await harness.settle();
    expect(bodyOf(sendsTo(olena).at(-1)!).text).toBe(companySizeQuestion);
    expect(await contactOf(harness, channelId, olena)).toMatchObject({ tags: ["interest-support"], fields: { interest: "Help with my account" } });
    expect(await inboundEvents(harness, channelId, ["4912661846655238146"])).toHaveLength(1);
  });

  it("moves delivery statuses forward only, by the exact message_token, and records a failure's reason", async () => {
    const [welcome, question] = await sentTo(harness, channelId, olena);
    for (const body of [statusOf("seen", welcome!.external_id!), statusOf("delivered", welcome!.external_id!)]) expect((await post(body)).status).toBe(200);
    expect((await post(statusOf("failed", question!.external_id!, ',"desc":"failure description"'))).status).toBe(200);
    await harness.settle();
    const [afterWelcome, afterQuestion] = await sentTo(harness, channelId, olena);
    // "seen" arrived before "delivered": the late "delivered" must not undo it.
    expect(afterWelcome!.status).toBe("read");
    expect(afterQuestion).toMatchObject({ status: "failed", error: "failure description" });
  });

  it("greets a subscriber, starts the survey from a deep-link context, and sends nothing after unsubscribing", async () => {
    await greetFollowersWithSurvey(harness, ["spring_sale"]);
    const subscriber = "sub00000000A=";
    const opener = "open0000000A=";
    const subscribed = callback("subscribed", subscriber, `"user":{"id":"${subscriber}","name":"Mykola","api_version":10}`);
    const started = callback("conversation_started", opener, `"type":"open","context":"spring_sale","user":{"id":"${opener}","name":"Iryna","api_version":10},"subscribed":true`);
    for (const body of [subscribed.raw, started.raw]) expect((await post(body)).status).toBe(200);
    await harness.settle();
    expect(sendsTo(subscriber).map((r) => bodyOf(r).text)).toEqual([surveyWelcome("Mykola"), "What brings you here?"]);
    expect(sendsTo(opener).map((r) => bodyOf(r).text)).toEqual([surveyWelcome("Iryna"), "What brings you here?"]);
    expect((await inboundEvents(harness, channelId, [started.token])).map((e) => [e.kind, e.payload.ref])).toEqual([["referral", "spring_sale"]]);

    const sentBefore = clock - 500;
    expect((await post(callback("unsubscribed", subscriber, `"user_id":"${subscriber}"`).raw)).status).toBe(200);
    await harness.settle();
    expect(await contactOf(harness, channelId, subscriber)).toMatchObject({ opted_out: true });
    // A message written before the unsubscribe and delivered after it: its answer must not go out.
    expect((await post(textFrom(subscriber, "support", "Mykola", sentBefore).raw)).status).toBe(200);
    await harness.settle();
    expect(sendsTo(subscriber)).toHaveLength(2);
    const refused = (await sentTo(harness, channelId, subscriber)).slice(2);
    expect(refused.map((row) => [row.text, row.status, row.error])).toEqual([[companySizeQuestion, "failed", "contact opted out (unfollowed, unsubscribed or blocked)"]]);
  });

  it("stores an unknown event as kind unknown with its token exact, and answers 200", async () => {
    const before = api.requests.length;
    expect((await post(fixture("client-status"))).status).toBe(200);
    await harness.settle();
    expect((await inboundEvents(harness, channelId, ["5098034272017990035"])).map((e) => [e.kind, e.error])).toEqual([["unknown", null]]);
    expect(api.requests.length).toBe(before);
  });

  it("stores and answers the same callback delivered twice once", async () => {
    const message = textFrom("twice000000A=", "hello");
    const answers = await Promise.all([post(message.raw), post(message.raw)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await harness.settle();
    expect(await inboundEvents(harness, channelId, [message.token])).toHaveLength(1);
    expect(sendsTo("twice000000A=")).toHaveLength(2);
  });

  it("retries after HTTP 429 and 500 and delivers the message once", async () => {
    api.failNext(429, 1, { "retry-after": "1" });
    api.failNext(500);
    await post(textFrom("retry000000A=", "hello").raw);
    await settleWithRetries(harness);
    expect(sendsTo("retry000000A=").map((r) => [r.status, bodyOf(r).text])).toEqual([
      [429, surveyWelcome("Taras")],
      [500, surveyWelcome("Taras")],
      [200, surveyWelcome("Taras")],
      [200, "What brings you here?"],
    ]);
    expect((await sentTo(harness, channelId, "retry000000A=")).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("marks messages failed with Viber's reason when the 200 body carries a non-zero status", async () => {
    await post(textFrom(unsubscribedUser, "hello").raw);
    await settleWithRetries(harness);
    const rows = await sentTo(harness, channelId, unsubscribedUser);
    expect(rows.map((row) => [row.status, row.error])).toEqual(Array(2).fill(["failed", "receiverNotSubscribed (6): receiverNotSubscribed"]));
    expect(sendsTo(unsubscribedUser)).toHaveLength(2);
  });
});
