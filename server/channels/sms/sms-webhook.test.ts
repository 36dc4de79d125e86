import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../env.js";
import { startHarness, type Harness } from "../../runtime/testing/runtime-harness";
import type { RecordedRequest } from "../testing/fake-api-server";
import {
  companySizeQuestion,
  contactOf,
  expectRefused,
  inboundEvents,
  lastError,
  sentTo,
  settleWithRetries,
  storedCounts,
  surveyChoices,
  surveyWelcome,
} from "../testing/webhook-test-kit";
import { startFakeSmsApi, type FakeSmsApi } from "./fake-sms-api";
import { twilioSignature } from "./twilio-signature";

const accountSid = "AC0123456789abcdef0123456789abcdef";
const authToken = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const ourNumber = "+14155550100";
const fixtureNumber = "+14155550123";
const emptyTwiml = { status: 200, body: "<Response></Response>" };
const numberedQuestion = `What brings you here?\n\n${surveyChoices.map((label, i) => `${i + 1}. ${label}`).join("\n")}`;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), "utf8").trim();

let sids = 0;
// An inbound SMS as Twilio posts it (form-encoded).
function inbound(from: string, body: string): { form: string; sid: string } {
  const sid = `SM${(sids += 1).toString(16).padStart(32, "0")}`;
  const fields = { SmsMessageSid: sid, NumMedia: "0", SmsSid: sid, SmsStatus: "received", Body: body, To: ourNumber, MessageSid: sid, AccountSid: accountSid, From: from, ApiVersion: "2010-04-01" };
  return { form: new URLSearchParams(fields).toString(), sid };
}

const formOf = (request: RecordedRequest) => new URLSearchParams(request.body);

describe("Twilio SMS webhooks over HTTP (onboarding survey)", () => {
  let harness: Harness;
  let api: FakeSmsApi;
  let channelId: string;
  // Twilio signs the URL it was configured with: our public base URL, never the Host we were reached on.
  const publicUrl = () => `${env().KAIWA_PUBLIC_URL.replace(/\/+$/, "")}/api/webhooks/sms/${channelId}`;
  const sign = (form: string, url = publicUrl(), token = authToken) => twilioSignature(token, url, new URLSearchParams(form));
  const post = (form: string, signature: string | null = sign(form), contentType = "application/x-www-form-urlencoded") =>
    harness.post("sms", channelId, form, { "content-type": contentType, ...(signature === null ? {} : { "x-twilio-signature": signature }) });
  const sendsTo = (number: string) => api.requests.filter((r) => r.path.endsWith("/Messages.json") && formOf(r).get("To") === number);
  const bodiesTo = (number: string) => sendsTo(number).map((r) => formOf(r).get("Body"));

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeSmsApi({ accountSid, authToken, from: ourNumber });
    channelId = await harness.createChannel("sms", { accountSid, authToken, from: ourNumber }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("answers a text with empty TwiML and sends the survey as form-encoded Messages.json, options numbered", async () => {
    expect(await post(fixture("inbound-text"))).toEqual(emptyTwiml);
    await harness.settle();
    const sent = sendsTo(fixtureNumber);
    expect(sent.map((r) => Object.fromEntries(formOf(r)))).toEqual([
      { To: fixtureNumber, From: ourNumber, Body: surveyWelcome() },
      { To: fixtureNumber, From: ourNumber, Body: numberedQuestion },
    ]);
    expect(sent.every((r) => r.headers["content-type"] === "application/x-www-form-urlencoded")).toBe(true);
    expect(api.rejections).toEqual([]);
    const rows = await sentTo(harness, channelId, fixtureNumber);
    expect(rows.map((row) => [row.status, row.external_id])).toEqual(sent.map((r) => ["sent", (JSON.parse(r.response) as { sid: string }).sid]));
    expect((await inboundEvents(harness, channelId, ["SM1f0e2a3b4c5d6e7f8091a2b3c4d5e6f7"])).map((e) => e.kind)).toEqual(["message"]);
  });

  it("refuses a wrong or missing signature, a changed parameter and a signature for another URL", async () => {
    const { form } = inbound("+14155550190", "hello");
    const changed = form.replace("Body=hello", "Body=hello+again");
    await expectRefused(
      harness,
      channelId,
      [
        () => post(form, sign(form, publicUrl(), "f".repeat(32))),
        () => post(form, null),
        () => post(changed, sign(form)),
        () => post(form, sign(form, `https://attacker.example/api/webhooks/sms/${channelId}`)),
        () => post(form, sign(form, `${publicUrl()}?retry=1`)),
      ],
      [authToken, sign(form), sign(changed)],
    );
  });

  it("answers 400 to a signed body that is not a Twilio webhook, storing nothing", async () => {
    const before = await storedCounts(harness);
    const json = JSON.stringify({ MessageSid: "SM1", AccountSid: accountSid, From: fixtureNumber, Body: "hi" });
    for (const [body, type] of [[json, "application/json"], [`AccountSid=${accountSid}&From=%2B14155550123&Body=hi`, "application/x-www-form-urlencoded"]] as const) {
      expect(await post(body, sign(body), type)).toEqual({ status: 400, body: JSON.stringify({ error: "malformed webhook" }) });
      expect(await lastError(harness, channelId)).toMatch(/^Malformed webhook: Not a Twilio/);
    }
    expect(await storedCounts(harness)).toEqual(before);
  });

  it("answers several numbers' concurrent messages, each in full", async () => {
    const numbers = ["+14155550111", "+14155550112", "+14155550113"];
    const answers = await Promise.all(numbers.map((n) => post(inbound(n, "hi").form)));
    expect(answers).toEqual(Array(3).fill(emptyTwiml));
    await harness.settle();
    for (const n of numbers) expect(bodiesTo(n)).toEqual([surveyWelcome(), numberedQuestion]);
  });

  it("resumes the waiting question with a numbered reply (\"2\")", async () => {
    expect(await post(fixture("inbound-number-reply"))).toEqual(emptyTwiml);
    await harness.settle();
    expect(bodiesTo(fixtureNumber).at(-1)).toBe(companySizeQuestion);
    expect(await contactOf(harness, channelId, fixtureNumber)).toMatchObject({ tags: ["interest-support"], fields: { interest: surveyChoices[1] } });
  });

  it("moves statuses forward only on Twilio's callbacks and records the ErrorCode of an undelivered one", async () => {
    const [welcome, question] = await sentTo(harness, channelId, fixtureNumber);
    const callback = (name: string, sid: string) => fixture(name).replaceAll("SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f", sid);
    const lateSent = callback("status-delivered", welcome!.external_id!).replaceAll("=delivered", "=sent");
    for (const body of [callback("status-delivered", welcome!.external_id!), lateSent, callback("status-undelivered", question!.external_id!)]) {
      expect(await post(body)).toEqual(emptyTwiml);
    }
    await harness.settle();
    const [afterWelcome, afterQuestion] = await sentTo(harness, channelId, fixtureNumber);
    expect(afterWelcome!.status).toBe("delivered");
    expect(afterQuestion).toMatchObject({ status: "failed", error: "Twilio undelivered: error 30003" });
  });

  it("honours STOP: no reply of Kaiwa's own, later sends refused visibly; START opts the number back in", async () => {
    const number = "+14155550177";
    await post(inbound(number, "hi").form);
    await harness.settle();
    expect(bodiesTo(number)).toHaveLength(2);

    // Twilio answers STOP itself: Kaiwa records the opt-out and sends nothing, not even a TwiML <Message>.
    expect(await post(inbound(number, " Stop ").form)).toEqual(emptyTwiml);
    await harness.settle();
    expect(await contactOf(harness, channelId, number)).toMatchObject({ opted_out: true });
    await post(inbound(number, "1").form);
    await harness.settle();
    expect(bodiesTo(number)).toHaveLength(2);
    const refused = (await sentTo(harness, channelId, number)).slice(2);
    expect(refused.map((row) => [row.text, row.status, row.error])).toEqual([[companySizeQuestion, "failed", "contact opted out (STOP)"]]);

    expect(await post(inbound(number, "START").form)).toEqual(emptyTwiml);
    await harness.settle();
    expect(await contactOf(harness, channelId, number)).toMatchObject({ opted_out: false });
    expect(bodiesTo(number)).toHaveLength(2);
    await post(inbound(number, "30").form);
    await harness.settle();
    expect(bodiesTo(number)).toEqual([surveyWelcome(), numberedQuestion, "Last one: what's your email address?"]);
  });

  it("stores an intermediate status (queued) as kind unknown and answers 200", async () => {
    const before = api.requests.length;
    expect(await post(fixture("status-queued"))).toEqual(emptyTwiml);
    await harness.settle();
    expect((await inboundEvents(harness, channelId, ["SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f:queued"])).map((e) => [e.kind, e.error])).toEqual([["unknown", null]]);
    expect(api.requests.length).toBe(before);
  });

  it("stores and answers the same webhook delivered twice once", async () => {
    const message = inbound("+14155550144", "hello");
    const answers = await Promise.all([post(message.form), post(message.form)]);
    expect(answers).toEqual([emptyTwiml, emptyTwiml]);
    await harness.settle();
    expect(await inboundEvents(harness, channelId, [message.sid])).toHaveLength(1);
    expect(bodiesTo("+14155550144")).toHaveLength(2);
  });

  it("retries after 429 (Retry-After) and 500 with the same idempotency token, delivering it once", async () => {
    api.failNext(429, 1, { "retry-after": "1" });
    api.failNext(500);
    await post(inbound("+14155550155", "hello").form);
    await settleWithRetries(harness);
    const sent = sendsTo("+14155550155");
    expect(sent.map((r) => r.status)).toEqual([429, 500, 201, 201]);
    const [welcome, question] = await sentTo(harness, channelId, "+14155550155");
    expect(sent.map((r) => r.headers["i-twilio-idempotency-token"])).toEqual([welcome!.id, welcome!.id, welcome!.id, question!.id]);
    expect([welcome!.status, question!.status]).toEqual(["sent", "sent"]);
  });

  it("marks a message failed with Twilio's reason on a permanent error", async () => {
    api.failNext(400);
    await post(inbound("+14155550166", "hello").form);
    await settleWithRetries(harness);
    const [welcome, question] = await sentTo(harness, channelId, "+14155550166");
    expect(welcome).toMatchObject({ status: "failed", error: "Twilio says the recipient is not a valid phone number (error 21211)." });
    expect(question!.status).toBe("sent");
    expect(sendsTo("+14155550166").map((r) => r.status)).toEqual([400, 201]);
  });
});
