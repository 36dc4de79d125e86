import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../runtime/testing/runtime-harness";
import type { RecordedRequest } from "../testing/fake-api-server";
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
import { startFakeWechatApi, type FakeWechatApi } from "./fake-wechat-api";

const credentials = { appId: "wx-test-app", appSecret: "test-app-secret", token: "wechat-server-token" };
const fixtureUser = "oVx9K5mZ0aT1uq8xqH2w4Lr7Ybc0";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), "utf8");
const signature = (timestamp: string, nonce: string, token = credentials.token) => createHash("sha1").update([token, timestamp, nonce].sort().join("")).digest("hex");

let nonces = 0;
// The query WeChat signs every request with: sha1 of the sorted [token, timestamp, nonce].
function signedQuery(options: { timestamp?: number; nonce?: string; token?: string; extra?: string } = {}): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? `n${Date.now()}${(nonces += 1)}`;
  return `?signature=${signature(timestamp, nonce, options.token)}&timestamp=${timestamp}&nonce=${nonce}${options.extra ?? ""}`;
}

let msgId = 24796523719284400000n;
let createTime = 1732260000;
// A text push as WeChat writes it; MsgId above 2^53.
function textPush(openid: string, content: string, time = (createTime += 1)): { xml: string; msgId: string } {
  const id = String((msgId += 1n));
  const xml = `<xml><ToUserName><![CDATA[gh_3f2a9c1d7e55]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${time}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${id}</MsgId></xml>`;
  return { xml, msgId: id };
}
const asUser = (xml: string, openid: string) => xml.replace(fixtureUser, openid);

type CustomMessage = { touser: string; msgtype: string; text?: { content: string }; msgmenu?: { head_content: string; list: { id: string; content: string }[] } };
const bodyOf = (request: RecordedRequest) => request.json as CustomMessage;
const shown = (request: RecordedRequest) => bodyOf(request).text?.content ?? bodyOf(request).msgmenu?.head_content;

describe("WeChat Official Account webhooks over HTTP (onboarding survey)", () => {
  let harness: Harness;
  let api: FakeWechatApi;
  let channelId: string;
  const post = (xml: string, query = signedQuery()) => harness.post("wechat", channelId, xml, { "content-type": "text/xml" }, query);
  const sendsTo = (openid: string) => api.requests.filter((r) => r.path === "/cgi-bin/message/custom/send" && bodyOf(r)?.touser === openid);

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeWechatApi({ appId: credentials.appId, appSecret: credentials.appSecret });
    channelId = await harness.createChannel("wechat", credentials, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("answers the server-configuration GET with echostr only when the signature is right", async () => {
    const echostr = "7194375319270814525";
    expect(await harness.get("wechat", channelId, signedQuery({ extra: `&echostr=${echostr}` }))).toEqual({ status: 200, body: echostr });
    const timestamp = String(Math.floor(Date.now() / 1000));
    for (const query of [signedQuery({ token: "other-token", timestamp: Number(timestamp), nonce: "n1", extra: `&echostr=${echostr}` }), `?echostr=${echostr}`]) {
      const answer = await harness.get("wechat", channelId, query);
      expect(answer.status).toBe(403);
      for (const secret of [echostr, credentials.token, signature(timestamp, "n1")]) expect(answer.body).not.toContain(secret);
    }
  });

  it("answers a text message \"success\" and sends the survey as customer-service text and a msgmenu", async () => {
    expect(await post(fixture("text"))).toEqual({ status: 200, body: "success" });
    await harness.settle();
    const sent = sendsTo(fixtureUser);
    expect(sent.map(bodyOf)).toEqual([
      { touser: fixtureUser, msgtype: "text", text: { content: surveyWelcome() } },
      {
        touser: fixtureUser,
        msgtype: "msgmenu",
        msgmenu: {
          head_content: "What brings you here?",
          list: [{ id: "pricing", content: surveyChoices[0] }, { id: "support", content: surveyChoices[1] }, { id: "browsing", content: surveyChoices[2] }],
          tail_content: "",
        },
      },
    ]);
    expect(api.rejections).toEqual([]);
    expect((await sentTo(harness, channelId, fixtureUser)).map((row) => row.status)).toEqual(["sent", "sent"]);
    // MsgId exceeds 2^53: kept digit for digit as the dedupe key.
    expect((await inboundEvents(harness, channelId, ["24796523719284371935"])).map((e) => e.kind)).toEqual(["message"]);
  });

  it("refuses a wrong or missing signature, a stale timestamp and a nonce reused with another body", async () => {
    const captured = signedQuery({ nonce: "replayed-nonce" });
    expect((await post(textPush("oReplay0000000000000000000001", "hi").xml, captured)).status).toBe(200);
    await harness.settle();
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = textPush("oReplay0000000000000000000001", "send me everything").xml;
    await expectRefused(
      harness,
      channelId,
      [
        () => post(forged, signedQuery({ token: "guessed", timestamp, nonce: "n2" })),
        () => post(forged, ""),
        () => post(forged, signedQuery({ timestamp: timestamp - 10 * 60 })),
        () => post(forged, captured),
      ],
      [credentials.token, credentials.appSecret, signature(String(timestamp), "n2")],
    );
  });

  it("answers 400 to a signed body that is not a plaintext WeChat push, storing nothing", async () => {
    const before = await storedCounts(harness);
    for (const body of ["<xml><Foo>1</Foo></xml>", '{"MsgType":"text"}', fixture("encrypted")]) {
      expect(await post(body)).toEqual({ status: 400, body: JSON.stringify({ error: "malformed webhook" }) });
      expect(await lastError(harness, channelId)).toMatch(/^Malformed webhook/);
    }
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("answers several followers' concurrent pushes, each in full", async () => {
    const users = [1, 2, 3, 4].map((n) => `oMany000000000000000000000${n}`);
    const answers = await Promise.all(users.map((u) => post(textPush(u, "你好").xml)));
    expect(answers.map((a) => a.body)).toEqual(Array(4).fill("success"));
    await harness.settle();
    for (const u of users) expect(sendsTo(u).map(shown)).toEqual([surveyWelcome(), "What brings you here?"]);
  });

  it("resumes the waiting question when the follower taps a msgmenu row", async () => {
    // The fixture's tap, on the survey's second row: its id comes back in bizmsgmenuid.
    const tap = fixture("msgmenu-reply").replace("<bizmsgmenuid>p1</bizmsgmenuid>", "<bizmsgmenuid>support</bizmsgmenuid>").replace("Coffee", surveyChoices[1]!);
    expect((await post(tap)).status).toBe(200);
    await harness.settle();
    expect(shown(sendsTo(fixtureUser).at(-1)!)).toBe(companySizeQuestion);
    expect(await contactOf(harness, channelId, fixtureUser)).toMatchObject({ tags: ["interest-support"], fields: { interest: surveyChoices[1] } });
  });

  it("moves template messages' status forward on TEMPLATESENDJOBFINISH, recording the failure reason", async () => {
    // Kaiwa sends customer-service messages, which have no job status; these two stand for template
    // messages sent to the fixture follower (only their MsgID matters to the status event).
    const ids = ["24796523719284371999", "24796523719284372000"];
    for (const id of ids) {
      await harness.database.query(
        `insert into messages (workspace_id, conversation_id, contact_id, channel_id, direction, status, content, external_id)
         select workspace_id, conversation_id, contact_id, channel_id, 'outbound', 'sent', '{"text":"Your table is booked"}'::jsonb, $2
         from messages where channel_id = $1 and direction = 'outbound' and external_id is null order by created_at limit 1`,
        [channelId, id],
      );
    }
    const finished = (id: string, status: string) => fixture("template-send-job-finish").replace("24796523719284371999", id).replace("failed:user block", status).replace("1732250017", String((createTime += 1)));
    for (const body of [fixture("template-send-job-finish"), finished(ids[1]!, "success"), finished(ids[1]!, "failed:system failed")]) {
      expect((await post(body)).status).toBe(200);
    }
    await harness.settle();
    const rows = await harness.database.query<{ external_id: string; status: string; error: string | null }>(
      "select external_id, status, error from messages where external_id = any($1::text[]) order by external_id",
      [ids],
    );
    expect(rows).toEqual([
      { external_id: ids[0], status: "failed", error: "failed:user block" },
      // "success" then a late failure report: delivered stays delivered.
      { external_id: ids[1], status: "delivered", error: null },
    ]);
  });

  it("greets followers (a qrscene_ ref starts its flow) and sends nothing after an unsubscribe", async () => {
    await greetFollowersWithSurvey(harness, ["spring-campaign"]);
    const scanned = "oScan0000000000000000000000001";
    const plain = "oPlain000000000000000000000001";
    for (const body of [asUser(fixture("subscribe-qrscene"), scanned), asUser(fixture("subscribe"), plain)]) expect((await post(body)).body).toBe("success");
    await harness.settle();
    for (const u of [scanned, plain]) expect(sendsTo(u).map(shown)).toEqual([surveyWelcome(), "What brings you here?"]);
    expect((await inboundEvents(harness, channelId, [`${scanned}:1732250010:subscribe`])).map((e) => [e.kind, e.payload.ref])).toEqual([["follow", "spring-campaign"]]);

    expect((await post(asUser(fixture("unsubscribe"), plain))).status).toBe(200);
    await harness.settle();
    expect(await contactOf(harness, channelId, plain)).toMatchObject({ opted_out: true });
    // Written just before the unsubscribe, delivered after it (WeChat retries): answered with nothing.
    expect((await post(textPush(plain, "support", 1732250011).xml)).status).toBe(200);
    await harness.settle();
    expect(sendsTo(plain)).toHaveLength(2);
    const refused = (await sentTo(harness, channelId, plain)).slice(2);
    expect(refused.map((row) => [row.text, row.status, row.error])).toEqual([[companySizeQuestion, "failed", "contact opted out (unfollowed, unsubscribed or blocked)"]]);
  });

  it("stores unknown message types and events as kind unknown, MsgId exact, and answers \"success\"", async () => {
    const before = api.requests.length;
    for (const name of ["unknown-msgtype", "view"]) expect(await post(fixture(name))).toEqual({ status: 200, body: "success" });
    await harness.settle();
    const events = await inboundEvents(harness, channelId, ["24796523719284371943", `${fixtureUser}:1732250015:VIEW`]);
    expect(events.map((e) => [e.dedupe_key, e.kind, e.error])).toEqual([
      ["24796523719284371943", "unknown", null],
      [`${fixtureUser}:1732250015:VIEW`, "unknown", null],
    ]);
    expect(api.requests.length).toBe(before);
  });

  it("stores and answers WeChat's retry of the same push (same nonce, same body) once", async () => {
    const push = textPush("oTwice000000000000000000000001", "hello");
    const query = signedQuery();
    const answers = await Promise.all([post(push.xml, query), post(push.xml, query)]);
    expect(answers.map((a) => a.body)).toEqual(["success", "success"]);
    await harness.settle();
    expect(await inboundEvents(harness, channelId, [push.msgId])).toHaveLength(1);
    expect(sendsTo("oTwice000000000000000000000001")).toHaveLength(2);
  });

  it("retries a send after 429 (Retry-After) and 500, delivering it once", async () => {
    api.failNext(429, 1, { "retry-after": "1" });
    api.failNext(500);
    await post(textPush("oRetry000000000000000000000001", "hello").xml);
    await settleWithRetries(harness);
    expect(sendsTo("oRetry000000000000000000000001").map((r) => [r.status, shown(r)])).toEqual([
      [429, surveyWelcome()],
      [500, surveyWelcome()],
      [200, surveyWelcome()],
      [200, "What brings you here?"],
    ]);
    expect((await sentTo(harness, channelId, "oRetry000000000000000000000001")).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("marks a message failed with WeChat's reason when it answers an errcode", async () => {
    api.answerNextWith(45015);
    await post(textPush("oLate0000000000000000000000001", "hello").xml);
    await settleWithRetries(harness);
    const [welcome, question] = await sentTo(harness, channelId, "oLate0000000000000000000000001");
    expect(welcome).toMatchObject({ status: "failed", error: expect.stringContaining("within 48 hours of the contact's last interaction") });
    expect(question!.status).toBe("sent");
    expect(sendsTo("oLate0000000000000000000000001")).toHaveLength(2);
  });
});
