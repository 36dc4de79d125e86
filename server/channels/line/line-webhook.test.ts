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
import { startFakeLineApi } from "./fake-line-api";
import { lineRetryKey } from "./line-retry-key";

const channelSecret = "8c570fa6dd201bb328f1c1eac23a96d8";
const channelAccessToken = "line-access-token";
const fixtureUser = "U4af4980629a1b2c3d4e5f60718293a4b";
const freshReplyToken = "5f3779fba3b349968c5d07db31eab56f";
// Fixture timestamps are from 2023: their reply tokens are long expired, so answers are pushed.
const longAgo = 1692251666727;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
const sign = (body: string) => createHmac("sha256", channelSecret).update(body, "utf8").digest("base64");
const user = (n: number) => `U${String(n).padStart(32, "0")}`;

let eventCount = 0;
function lineEvent(userId: string, fields: Record<string, unknown>, timestamp = longAgo): Record<string, unknown> {
  eventCount += 1;
  const id = String(eventCount).padStart(6, "0");
  return { webhookEventId: `01HTESTEVENT${id}`, deliveryContext: { isRedelivery: false }, timestamp, source: { type: "user", userId }, mode: "active", ...fields };
}
const textEvent = (userId: string, text: string, timestamp?: number) =>
  lineEvent(userId, { type: "message", replyToken: `expired-${eventCount}`, message: { type: "text", id: `9000${eventCount}`, text } }, timestamp);
const webhook = (...events: unknown[]) => JSON.stringify({ destination: "U0123456789abcdef0123456789abcdef", events });

type LineBody = { to?: string; replyToken?: string; messages: { text: string; quickReply?: { items: { action: { label: string; data: string } }[] } }[] };
const bodyOf = (request: RecordedRequest) => request.json as LineBody;

describe("LINE webhooks over HTTP (onboarding survey)", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;
  const post = (body: string, signature: string | null = sign(body)) =>
    harness.post("line", channelId, body, { "content-type": "application/json", ...(signature === null ? {} : { "x-line-signature": signature }) });
  const pushesTo = (userId: string) => api.requests.filter((r) => r.path === "/v2/bot/message/push" && bodyOf(r).to === userId);

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeLineApi({ channelAccessToken, replyTokens: [freshReplyToken] });
    channelId = await harness.createChannel("line", { channelSecret, channelAccessToken }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("answers the console's signed verification POST (events: []) with 200 and stores nothing", async () => {
    const before = await storedCounts(harness);
    expect(await post(fixture("verification"))).toEqual({ status: 200, body: "ok" });
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("answers a text message with a reply through its fresh token, then pushes the question with quick replies", async () => {
    const body = JSON.parse(fixture("text")) as { events: Record<string, unknown>[] };
    Object.assign(body.events[0]!, { timestamp: Date.now(), replyToken: freshReplyToken });
    expect((await post(JSON.stringify(body))).status).toBe(200);
    await harness.settle();

    // The token works once: the second message's reply is refused and it goes out as a push.
    expect(api.requests.map((r) => [r.path, r.status])).toEqual([
      ["/v2/bot/message/reply", 200],
      ["/v2/bot/message/reply", 400],
      ["/v2/bot/message/push", 200],
    ]);
    const [reply, , push] = api.requests.map(bodyOf);
    expect(reply).toMatchObject({ replyToken: freshReplyToken, messages: [{ type: "text", text: surveyWelcome() }] });
    expect(push!.to).toBe(fixtureUser);
    expect(push!.messages[0]!.text).toBe("What brings you here?");
    expect(push!.messages[0]!.quickReply!.items.map((item) => [item.action.label, item.action.data])).toEqual([
      [surveyChoices[0], "pricing"],
      [surveyChoices[1], "support"],
      [surveyChoices[2], "browsing"],
    ]);
    const rows = await sentTo(harness, channelId, fixtureUser);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(rows.every((row) => row.external_id !== null)).toBe(true);
    expect((await inboundEvents(harness, channelId, ["01H810YECXQQZ37VAXPF6H9E6T"])).map((e) => e.kind)).toEqual(["message"]);
  });

  it("refuses wrong, missing and re-serialised-body signatures, leaking and storing nothing", async () => {
    // Escapes as LINE may write them on the wire: JSON.stringify(JSON.parse(raw)) turns them into "ä" and "/".
    const raw = webhook(textEvent(user(1), "ESCAPES")).replace("ESCAPES", "K\\u00e4se http:\\/\\/example.com");
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    const wrong = createHmac("sha256", "0".repeat(32)).update(raw).digest("base64");
    await expectRefused(harness, channelId, [() => post(raw, wrong), () => post(raw, null), () => post(reserialised, sign(raw))], [channelSecret, sign(raw), sign(reserialised)]);
  });

  it("answers 400 to a signed body that is not a LINE webhook, storing nothing", async () => {
    const before = await storedCounts(harness);
    for (const body of ['{"destination":"U1","events":{}}', "events=[]"]) {
      expect(await post(body)).toEqual({ status: 400, body: JSON.stringify({ error: "malformed webhook" }) });
      expect(await lastError(harness, channelId)).toMatch(/^Malformed webhook: LINE/);
    }
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("processes every event of one events[] batch, from three users", async () => {
    const users = [user(11), user(12), user(13)];
    expect((await post(webhook(...users.map((u) => textEvent(u, "hello"))))).status).toBe(200);
    await harness.settle();
    for (const u of users) {
      expect(pushesTo(u).map((r) => bodyOf(r).messages[0]!.text)).toEqual([surveyWelcome(), "What brings you here?"]);
      expect((await sentTo(harness, channelId, u)).map((row) => row.status)).toEqual(["sent", "sent"]);
    }
  });

  it("resumes the waiting question with a quick-reply postback", async () => {
    // The fixture's tap, carrying the data of the survey's second quick reply.
    expect((await post(fixture("postback").replace('"data": "p2"', '"data": "support"'))).status).toBe(200);
    await harness.settle();
    expect(pushesTo(fixtureUser).at(-1)!.json).toMatchObject({ messages: [{ text: companySizeQuestion }] });
    expect(await contactOf(harness, channelId, fixtureUser)).toMatchObject({ tags: ["interest-support"], fields: { interest: "Help with my account" } });
  });

  it("stores unknown events (a group join, a beacon) as kind unknown and answers 200", async () => {
    const before = api.requests.length;
    expect((await post(fixture("unknown"))).status).toBe(200);
    await harness.settle();
    const events = await inboundEvents(harness, channelId, ["01H810YECXQQZ37VAXPF6H9E73", "01H810YECXQQZ37VAXPF6H9E74"]);
    expect(events.map((e) => [e.kind, e.error])).toEqual([["unknown", null], ["unknown", null]]);
    expect(api.requests.length).toBe(before);
  });

  it("stores and answers the same webhook delivered twice once", async () => {
    const body = webhook(textEvent(user(21), "hi"));
    const answers = await Promise.all([post(body), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await harness.settle();
    const key = (JSON.parse(body) as { events: { webhookEventId: string }[] }).events[0]!.webhookEventId;
    expect(await inboundEvents(harness, channelId, [key])).toHaveLength(1);
    expect(pushesTo(user(21))).toHaveLength(2);
  });

  it("retries a push after 429 (Retry-After) and 500 with the same X-Line-Retry-Key, delivering it once", async () => {
    api.failNext(429, 1, { "retry-after": "1" });
    api.failNext(500);
    await post(webhook(textEvent(user(31), "hello")));
    await settleWithRetries(harness);
    const [welcome, question] = await sentTo(harness, channelId, user(31));
    expect([welcome!.status, question!.status]).toEqual(["sent", "sent"]);
    const pushes = pushesTo(user(31));
    expect(pushes.map((r) => r.status)).toEqual([429, 500, 200, 200]);
    // The outbox key (the message id) is what the retry key is derived from: the same on every retry.
    expect(pushes.slice(0, 3).map((r) => r.headers["x-line-retry-key"])).toEqual(Array(3).fill(lineRetryKey(welcome!.id)));
    expect(pushes[3]!.headers["x-line-retry-key"]).toBe(lineRetryKey(question!.id));
  });

  it("resends a push whose worker died mid-call with the same retry key; LINE's 409 confirms it, nothing is doubled", async () => {
    await post(webhook(textEvent(user(41), "hello")));
    await harness.settle();
    const [welcome] = await sentTo(harness, channelId, user(41));
    // As if the worker had died after LINE accepted the push but before recording it: leased, expired.
    await harness.database.query("update messages set status = 'queued', external_id = null where id = $1", [welcome!.id]);
    await harness.database.query("update outbox set status = 'sending', next_attempt_at = now() - interval '1 second' where message_id = $1", [welcome!.id]);
    await settleWithRetries(harness);
    const pushes = pushesTo(user(41)).filter((r) => r.headers["x-line-retry-key"] === lineRetryKey(welcome!.id));
    expect(pushes.map((r) => r.status)).toEqual([200, 409]);
    expect((await sentTo(harness, channelId, user(41)))[0]!.status).toBe("sent");
  });

  it("marks a message failed with LINE's reason on a permanent 400, without retrying it", async () => {
    api.failNext(400);
    await post(webhook(textEvent(user(51), "hello")));
    await settleWithRetries(harness);
    const [welcome, question] = await sentTo(harness, channelId, user(51));
    expect(welcome).toMatchObject({ status: "failed", error: "The request body has 1 error(s); messages[0].text: May not be empty" });
    expect(question!.status).toBe("sent");
    expect(pushesTo(user(51)).map((r) => r.status)).toEqual([400, 200]);
  });

  it("greets a new follower; after an unfollow nothing more reaches the contact, and the refusal is visible", async () => {
    await greetFollowersWithSurvey(harness, []);
    const follower = user(61);
    await post(webhook(lineEvent(follower, { type: "follow", follow: { isUnblocked: false }, replyToken: "expired-follow" })));
    await harness.settle();
    expect(pushesTo(follower).map((r) => bodyOf(r).messages[0]!.text)).toEqual([surveyWelcome(), "What brings you here?"]);

    await post(webhook(lineEvent(follower, { type: "unfollow" }, longAgo + 10_000)));
    await harness.settle();
    expect(await contactOf(harness, channelId, follower)).toMatchObject({ opted_out: true });
    // A message written before the block, redelivered after it: the answer is refused, not pushed.
    const late = lineEvent(follower, { type: "message", replyToken: "expired-late", message: { type: "text", id: "90777", text: "2" } }, longAgo + 5_000);
    await post(webhook({ ...late, deliveryContext: { isRedelivery: true } }));
    await harness.settle();
    expect(pushesTo(follower)).toHaveLength(2);
    const refused = (await sentTo(harness, channelId, follower)).slice(2);
    expect(refused.map((row) => [row.text, row.status, row.error])).toEqual([[companySizeQuestion, "failed", "contact opted out (unfollowed, unsubscribed or blocked)"]]);
  });
});
