import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "@/flows-runtime/channels/render";
import { choices, image, labelled, message } from "@/flows-runtime/channels/render-fixtures";
import { MalformedWebhookError, type AdapterChannel, type FetchLike, type RawWebhook, type SendResult } from "../channel-adapter";
import type { WechatCredentials } from "./credentials";
import { startFakeWechatApi, type FakeWechatApi } from "./fake-wechat-api";
import { createWechatAdapter } from "./wechat-adapter";

const token = "kaiwa-wechat-token";
const t0 = 1_732_250_000_000;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function channel(over: Partial<WechatCredentials> = {}, apiBaseUrl: string | null = null): AdapterChannel<WechatCredentials> {
  return {
    id: "ch_wechat_1",
    workspaceId: "ws_1",
    credentials: { appId: "wx-test-app", appSecret: "test-app-secret", token, ...over },
    apiBaseUrl,
    config: {},
  };
}

// Signed the way WeChat documents it, written out here rather than through the adapter's own code.
function signed(timestampS: number, nonce: string, extra: Record<string, string> = {}, signToken = token): URLSearchParams {
  const signature = createHash("sha1")
    .update([signToken, String(timestampS), nonce].sort().join(""))
    .digest("hex");
  return new URLSearchParams({ signature, timestamp: String(timestampS), nonce, ...extra });
}

function request(method: string, query: URLSearchParams, rawBody = ""): RawWebhook {
  return {
    method,
    url: `https://kaiwa.example.com/api/webhooks/wechat/ch_wechat_1?${query}`,
    query,
    headers: new Headers({ "content-type": "text/xml" }),
    rawBody,
  };
}

function clock(start = t0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("WeChat handshake", () => {
  const adapter = createWechatAdapter({ now: () => t0 });

  it("answers echostr for the documented sha1 of the sorted token, timestamp and nonce", () => {
    // Worked by hand: sorted ["1405826472", "1732250000", "kaiwa-wechat-token"] concatenated is
    // "14058264721732250000kaiwa-wechat-token"; its sha1 (computed outside this code base) is:
    const query = new URLSearchParams({
      signature: "6625aa1c08165b8c7911b2efcd18ef08888abcdb",
      timestamp: "1732250000",
      nonce: "1405826472",
      echostr: "8043927735412918137",
    });
    expect(adapter.handshake?.(request("GET", query), channel())).toEqual({
      status: 200,
      body: "8043927735412918137",
      contentType: "text/plain",
    });
  });

  it("refuses a handshake signed with another token, without echoing the expected signature", () => {
    const query = signed(1732250000, "1405826472", { echostr: "123" }, "wrong-token");
    const result = adapter.handshake?.(request("GET", query), channel());
    expect(result?.status).toBe(403);
    expect(result?.body).not.toContain("6625aa1c");
    expect(result?.body).not.toContain("123");
  });

  it("fails closed without a token and is not a handshake for POSTs or GETs without echostr", () => {
    const query = signed(1732250000, "1405826472", { echostr: "123" });
    expect(adapter.handshake?.(request("GET", query), channel({ token: "" }))?.status).toBe(403);
    expect(adapter.handshake?.(request("POST", query), channel())).toBeNull();
    expect(adapter.handshake?.(request("GET", signed(1732250000, "1")), channel())).toBeNull();
  });
});

describe("WeChat verify", () => {
  const body = fixture("text.xml");

  it("accepts a correctly signed POST inside the 5-minute window", () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    expect(adapter.verify(request("POST", signed(t0 / 1000, "n1"), body), channel())).toEqual({ ok: true });
  });

  it("refuses wrong, missing and non-hex signatures, and any request when no token is configured", () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const wrong = adapter.verify(request("POST", signed(t0 / 1000, "n2", {}, "other-token"), body), channel());
    expect(wrong).toMatchObject({ ok: false, status: 403 });
    const missing = new URLSearchParams({ timestamp: String(t0 / 1000), nonce: "n3" });
    expect(adapter.verify(request("POST", missing, body), channel())).toMatchObject({ ok: false, status: 401 });
    const nonHex = signed(t0 / 1000, "n4");
    nonHex.set("signature", "z".repeat(40));
    expect(adapter.verify(request("POST", nonHex, body), channel())).toMatchObject({ ok: false, status: 403 });
    const short = signed(t0 / 1000, "n5");
    short.set("signature", short.get("signature")!.slice(0, 38));
    expect(adapter.verify(request("POST", short, body), channel())).toMatchObject({ ok: false, status: 403 });
    expect(adapter.verify(request("POST", signed(t0 / 1000, "n6"), body), channel({ token: "" }))).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it("enforces ±5 minutes around the receipt time", () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const at = (offsetS: number, nonce: string) => adapter.verify(request("POST", signed(t0 / 1000 + offsetS, nonce), body), channel());
    expect(at(-300, "a")).toEqual({ ok: true });
    expect(at(300, "b")).toEqual({ ok: true });
    expect(at(-301, "c")).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining("5 minutes") });
    expect(at(301, "d")).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses a reused nonce carrying another body (the body is not signed) but lets WeChat's own resend through", () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const query = signed(t0 / 1000, "replayed-nonce");
    expect(adapter.verify(request("POST", query, body), channel())).toEqual({ ok: true });
    // An attacker replaying the captured query with a body of their own:
    const forged = body.replace("你好", "refund me");
    expect(adapter.verify(request("POST", query, forged), channel())).toMatchObject({
      ok: false,
      status: 403,
      reason: expect.stringContaining("nonce"),
    });
    // A byte-identical resend is WeChat retrying after a slow answer; MsgId dedupe drops the duplicate.
    expect(adapter.verify(request("POST", query, body), channel())).toEqual({ ok: true });
    // Nonces are kept per channel.
    expect(adapter.verify(request("POST", query, forged), { ...channel(), id: "ch_wechat_2" })).toEqual({ ok: true });
  });

  it("forgets nonces once their timestamp has left the window, when the window itself refuses them", () => {
    const time = clock();
    const adapter = createWechatAdapter({ now: time.now });
    const query = signed(t0 / 1000, "n-late");
    expect(adapter.verify(request("POST", query, body), channel())).toEqual({ ok: true });
    time.advance(5 * 60 * 1000 + 1000);
    expect(adapter.verify(request("POST", query, body.replace("你好", "x")), channel())).toMatchObject({
      ok: false,
      reason: expect.stringContaining("5 minutes"),
    });
  });
});

describe("WeChat normalise", () => {
  const adapter = createWechatAdapter({ now: () => t0 });
  const openid = "oVx9K5mZ0aT1uq8xqH2w4Lr7Ybc0";
  const contact = { externalId: openid };
  const oa = { officialAccountId: "gh_3f2a9c1d7e55" };
  const normalise = (name: string) => adapter.normalise(request("POST", signed(t0 / 1000, "x"), fixture(name)), channel());

  const expected: Record<string, unknown[]> = {
    "text.xml": [
      { dedupeKey: "24796523719284371935", kind: "message", contact, timestamp: 1732250000000, context: oa, message: { text: "你好, <Kaiwa> & friends" } },
    ],
    "text-plain-escaped.xml": [
      { dedupeKey: "24796523719284371936", kind: "message", contact, timestamp: 1732250001000, context: oa, message: { text: "Fish & chips <3 🐟あ" } },
    ],
    "msgmenu-reply.xml": [
      { dedupeKey: "24796523719284371937", kind: "message", contact, timestamp: 1732250002000, context: oa, message: { text: "Coffee", payload: "p1" } },
    ],
    "image.xml": [
      {
        dedupeKey: "24796523719284371938",
        kind: "message",
        contact,
        timestamp: 1732250003000,
        context: { ...oa, mediaId: "media_id_image_8J2k" },
        message: { media: { kind: "image", url: "http://mmbiz.qpic.cn/mmbiz_jpg/abc123/0" } },
      },
    ],
    "voice.xml": [
      {
        dedupeKey: "24796523719284371939",
        kind: "message",
        contact,
        timestamp: 1732250004000,
        context: { ...oa, mediaId: "media_id_voice_77Qa", format: "amr" },
        message: { text: "我想预约", media: { kind: "audio", mimeType: "audio/amr" } },
      },
    ],
    "video.xml": [
      {
        dedupeKey: "24796523719284371940",
        kind: "message",
        contact,
        timestamp: 1732250005000,
        context: { ...oa, mediaId: "media_id_video_X1", thumbMediaId: "thumb_media_id_X1" },
        message: { media: { kind: "video" } },
      },
    ],
    "location.xml": [
      {
        dedupeKey: "24796523719284371941",
        kind: "message",
        contact,
        timestamp: 1732250006000,
        context: oa,
        message: { location: { latitude: 31.230416, longitude: 121.473701, name: "上海市黄浦区人民广场" } },
      },
    ],
    "link.xml": [
      {
        dedupeKey: "24796523719284371942",
        kind: "message",
        contact,
        timestamp: 1732250007000,
        context: oa,
        message: { text: "Opening hours\nOur new hours\nhttps://example.com/hours" },
      },
    ],
    "subscribe-qrscene.xml": [
      {
        dedupeKey: `${openid}:1732250010:subscribe`,
        kind: "follow",
        ref: "spring-campaign",
        contact,
        timestamp: 1732250010000,
        context: { ...oa, ticket: expect.stringMatching(/^gQH47/) },
      },
    ],
    "subscribe.xml": [{ dedupeKey: `${openid}:1732250011:subscribe`, kind: "follow", contact, timestamp: 1732250011000, context: oa }],
    "unsubscribe.xml": [{ dedupeKey: `${openid}:1732250012:unsubscribe`, kind: "unfollow", contact, timestamp: 1732250012000, context: oa }],
    "scan.xml": [
      {
        dedupeKey: `${openid}:1732250013:SCAN`,
        kind: "referral",
        ref: "table-12",
        contact,
        timestamp: 1732250013000,
        context: { ...oa, ticket: expect.stringMatching(/^gQH47/) },
      },
    ],
    "click.xml": [
      { dedupeKey: `${openid}:1732250014:CLICK`, kind: "message", contact, timestamp: 1732250014000, context: oa, message: { payload: "MENU_BOOK_TABLE" } },
    ],
    "view.xml": [
      { dedupeKey: `${openid}:1732250015:VIEW`, kind: "unknown", contact, timestamp: 1732250015000, context: oa, note: "WeChat menu link opened: https://example.com/menu" },
    ],
    "location-select.xml": [
      {
        dedupeKey: `${openid}:1732250016:location_select`,
        kind: "unknown",
        contact,
        timestamp: 1732250016000,
        context: oa,
        note: 'WeChat event "location_select", which Kaiwa does not read.',
      },
    ],
    "template-send-job-finish.xml": [
      {
        dedupeKey: "24796523719284371999:failed:user block",
        kind: "status",
        contact,
        timestamp: 1732250017000,
        context: oa,
        status: { externalMessageId: "24796523719284371999", status: "failed", error: "failed:user block" },
      },
    ],
    "unknown-msgtype.xml": [
      {
        dedupeKey: "24796523719284371943",
        kind: "unknown",
        contact,
        timestamp: 1732250020000,
        context: oa,
        note: 'WeChat message of type "miniprogrampage", which Kaiwa does not read.',
      },
    ],
  };

  for (const [name, events] of Object.entries(expected)) {
    it(`normalises ${name}`, () => {
      expect(normalise(name)).toEqual(events);
    });
  }

  it("keeps MsgId beyond 2^53 exactly as sent", () => {
    const [event] = normalise("text.xml");
    expect(event?.dedupeKey).toBe("24796523719284371935");
    expect(String(Number("24796523719284371935"))).not.toBe("24796523719284371935");
  });

  it("keeps two different events of the same contact in the same second apart, and a resend together", () => {
    const scan = fixture("scan.xml");
    const location = scan.replace("<![CDATA[SCAN]]>", "<![CDATA[LOCATION]]>");
    const keys = [scan, location, scan].map((b) => adapter.normalise(request("POST", signed(t0 / 1000, "y"), b), channel())[0]?.dedupeKey);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[0]).toBe(keys[2]);
  });

  const malformed: Record<string, string> = {
    "a JSON body": '{"ToUserName":"gh_1","MsgType":"text"}',
    "an empty body": "",
    "another root element": "<root><MsgType>text</MsgType></root>",
    "an unclosed element": "<xml><ToUserName><![CDATA[gh]]></ToUserName><MsgType>text</xml>",
    "a DOCTYPE with an entity": '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x "boom">]><xml><Content>&x;</Content></xml>',
    "an entity XML does not define": "<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content></xml>",
    "attributes": '<xml><MsgType type="a">text</MsgType></xml>',
    "mixed content": "<xml>hello<MsgType>text</MsgType></xml>",
    "content after </xml>": `${fixture("text.xml")}<xml></xml>`,
    "an unterminated CDATA": "<xml><Content><![CDATA[hi</Content></xml>",
    "no MsgType": "<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime></xml>",
    "no FromUserName": "<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>",
    "a safe-mode (encrypted) body": fixture("encrypted.xml"),
  };
  for (const [what, body] of Object.entries(malformed)) {
    it(`throws MalformedWebhookError for ${what}`, () => {
      expect(() => adapter.normalise(request("POST", signed(t0 / 1000, "z"), body), channel())).toThrow(MalformedWebhookError);
    });
  }

  it("says what to change when the account encrypts its messages", () => {
    expect(() => normalise("encrypted.xml")).toThrow(/plaintext or compatible mode/);
  });
});

describe("WeChat acknowledge", () => {
  it("answers success as text/plain so WeChat neither retries nor shows an error", () => {
    expect(createWechatAdapter().acknowledge?.()).toEqual({ body: "success", contentType: "text/plain" });
  });
});

describe("WeChat send", () => {
  let fake: FakeWechatApi;
  beforeEach(async () => {
    fake = await startFakeWechatApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  const openid = "oVx9K5mZ0aT1uq8xqH2w4Lr7Ybc0";
  const fetchLike: FetchLike = (url, init) => fetch(url, init);
  const sends = () => fake.requests.filter((r) => r.path === "/cgi-bin/message/custom/send");
  const tokenRequests = () => fake.requests.filter((r) => r.path === "/cgi-bin/token");
  const noSecrets = (result: SendResult) => {
    const text = JSON.stringify(result);
    expect(text).not.toContain("test-app-secret");
    expect(text).not.toContain("fake-access-token");
  };

  it("sends every payload render() makes for WeChat, with touser, past the fake's checks, on one cached token", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const messages = [
      message("Hello!"),
      message("Coffee or tea?", labelled(["Coffee", "Tea"])),
      message("Pick one", choices(11)),
      message("Our menu", [], image),
    ];
    const payloads = messages.flatMap((m) => render(m, "wechat").payloads);
    expect(payloads.map((p) => (p as { msgtype: string }).msgtype)).toEqual(["text", "msgmenu", "text", "text"]);
    for (const [i, payload] of payloads.entries()) {
      const result = await adapter.send({ to: openid, payload, idempotencyKey: `out_${i}` }, channel({}, fake.url), fetchLike);
      expect(result).toEqual({ ok: true });
    }
    expect(fake.rejections).toEqual([]);
    expect(sends().map((r) => r.json)).toEqual(payloads.map((p) => ({ touser: openid, ...(p as object) })));
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.query.get("appid")).toBe("wx-test-app");
  });

  it("fetches a new token shortly before expires_in, not before", async () => {
    const time = clock();
    const adapter = createWechatAdapter({ now: time.now });
    const send = () => adapter.send({ to: openid, payload: { msgtype: "text", text: { content: "hi" } }, idempotencyKey: "k" }, channel({}, fake.url), fetchLike);
    await send();
    time.advance(60 * 60 * 1000);
    await send();
    expect(tokenRequests()).toHaveLength(1);
    time.advance(56 * 60 * 1000); // 116 min of 120: inside the 5-minute margin
    expect(await send()).toEqual({ ok: true });
    expect(tokenRequests()).toHaveLength(2);
    expect(sends().map((r) => r.query.get("access_token"))).toEqual(["fake-access-token-1", "fake-access-token-1", "fake-access-token-2"]);
  });

  it("shares one token request between concurrent sends", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => adapter.send({ to: openid, payload, idempotencyKey: `k${i}` }, channel({}, fake.url), fetchLike)),
    );
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("refreshes the token once and retries when WeChat says it expired (42001)", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    await adapter.send({ to: openid, payload, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    fake.expireTokens();
    expect(await adapter.send({ to: openid, payload, idempotencyKey: "b" }, channel({}, fake.url), fetchLike)).toEqual({ ok: true });
    expect(tokenRequests()).toHaveLength(2);
    expect(sends().map((r) => r.query.get("access_token"))).toEqual(["fake-access-token-1", "fake-access-token-1", "fake-access-token-2"]);
  });

  it("gives up after one refresh when the new token is refused too", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    fake.answerNextWith(40001, 2);
    const result = await adapter.send({ to: openid, payload, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("40001") });
    expect(tokenRequests()).toHaveLength(2);
    expect(sends()).toHaveLength(2);
    noSecrets(result);
  });

  it("reports the 48-hour window (45015) and the 5-per-message quota (45047) as permanent, clear errors", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    fake.answerNextWith(45015);
    const window = await adapter.send({ to: openid, payload, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    expect(window).toEqual({
      ok: false,
      retryable: false,
      error:
        "WeChat only accepts customer-service messages within 48 hours of the contact's last interaction, and this contact has been silent longer (errcode 45015).",
    });
    fake.answerNextWith(45047);
    const quota = await adapter.send({ to: openid, payload, idempotencyKey: "b" }, channel({}, fake.url), fetchLike);
    expect(quota).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("at most 5 customer-service messages") });
  });

  it("reports a wrong AppSecret without the secret or any token in the message", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const result = await adapter.send(
      { to: openid, payload: { msgtype: "text", text: { content: "hi" } }, idempotencyKey: "a" },
      channel({ appSecret: "not-the-secret" }, fake.url),
      fetchLike,
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("AppSecret") });
    expect(JSON.stringify(result)).not.toContain("not-the-secret");
  });

  it("retries 429 after Retry-After, 500 and errcode -1; refuses a 400 with the platform's message", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    const send = () => adapter.send({ to: openid, payload, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    await send(); // token cached, so the forced answers below hit the send call
    fake.failNext(429, 1, { "retry-after": "2" });
    expect(await send()).toMatchObject({ ok: false, retryable: true, retryAfterMs: 2000, status: 429 });
    fake.failNext(500);
    expect(await send()).toMatchObject({ ok: false, retryable: true, status: 500 });
    fake.answerNextWith(-1);
    expect(await send()).toMatchObject({ ok: false, retryable: true });
    fake.failNext(400);
    const bad = await send();
    expect(bad).toMatchObject({ ok: false, retryable: false, status: 400, error: expect.stringContaining("system error") });
    noSecrets(bad);
  });

  it("treats a timeout as retryable", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const payload = { msgtype: "text", text: { content: "hi" } };
    await adapter.send({ to: openid, payload, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    fake.delayNext(1500);
    // Same request, with a shorter deadline than the adapter's 10 s so the test stays fast.
    const impatient: FetchLike = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(100) });
    const result = await adapter.send({ to: openid, payload, idempotencyKey: "b" }, channel({}, fake.url), impatient);
    expect(result).toEqual({ ok: false, retryable: true, error: "WeChat did not answer in 10 s while sending the message." });
  });

  it("refuses a payload that is not a customer-service body without calling WeChat", async () => {
    const adapter = createWechatAdapter({ now: () => t0 });
    const result = await adapter.send({ to: openid, payload: { Body: "sms?" }, idempotencyKey: "a" }, channel({}, fake.url), fetchLike);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(fake.requests).toHaveLength(0);
  });
});
