import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "@/flows-runtime/channels/render";
import { choices, image, labelled, message } from "@/flows-runtime/channels/render-fixtures";
import { resolveChoiceReply } from "@/flows-runtime/channels/resolve-choice-reply";
import { MalformedWebhookError, type AdapterChannel, type FetchLike, type RawWebhook } from "../channel-adapter";
import { smsCredentialsSchema, type SmsCredentials } from "./credentials";
import { startFakeSmsApi, type FakeSmsApi } from "./fake-sms-api";
import { smsAdapter } from "./sms-adapter";
import { twilioSignature } from "./twilio-signature";

const accountSid = "AC0123456789abcdef0123456789abcdef";
const authToken = "f1e2d3c4b5a6978812345678abcdef90";
const from = "+14155550100";
const webhook = "https://kaiwa.example.com/api/webhooks/sms/ch_sms_1";
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function channel(over: Partial<SmsCredentials> = {}, apiBaseUrl: string | null = null, config: Record<string, unknown> = {}): AdapterChannel<SmsCredentials> {
  return { id: "ch_sms_1", workspaceId: "ws_1", credentials: { accountSid, authToken, from, ...over }, apiBaseUrl, config };
}

// Signed as Twilio documents it, independently of the adapter: URL + sorted name+value pairs.
function handSign(token: string, url: string, rawBody: string): string {
  const pairs = [...new URLSearchParams(rawBody)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac("sha1", token).update(url + pairs.map(([k, v]) => k + v).join("")).digest("base64");
}

function request(rawBody: string, signature: string | null, url = webhook, contentType = "application/x-www-form-urlencoded"): RawWebhook {
  const headers = new Headers({ "content-type": contentType });
  if (signature !== null) headers.set("x-twilio-signature", signature);
  return { method: "POST", url, query: new URL(url).searchParams, headers, rawBody };
}

describe("Twilio signature", () => {
  it("matches Twilio's documented example (auth token 12345)", () => {
    const params = new URLSearchParams({
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675309",
      Digits: "1234",
      From: "+14158675309",
      To: "+18005551212",
    });
    // Published in Twilio's signature-validation snippets (TwilioDevEd/api-snippets).
    expect(twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // The same example as the security page words it, at example.com.
    const docs = new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" });
    expect(twilioSignature("12345", "https://example.com/myapp.php?foo=1&bar=2", docs)).toBe("vNe7KK2kJwCsxc9K3OLkkKB3qqI=");
  });

  it("matches a vector derived by hand for https://example.com/myapp", () => {
    // Parameters sorted by name and appended with no separators:
    const signedString = "https://example.com/myapp" + "BodyHello" + "From+14155550123" + "MessageSidSM123" + "To+14155550100";
    const expected = createHmac("sha1", "12345").update(signedString).digest("base64");
    expect(expected).toBe("qQMmO1ycJVkzqCId8prE+kOLFWc="); // also computed with Python's hmac module
    // Given in an unsorted order, as a form body would be:
    const params = new URLSearchParams("To=%2B14155550100&MessageSid=SM123&From=%2B14155550123&Body=Hello");
    expect(twilioSignature("12345", "https://example.com/myapp", params)).toBe(expected);
    const req = { ...request(params.toString(), expected, "https://example.com/myapp") };
    expect(smsAdapter.verify(req, channel({ authToken: "12345" }))).toEqual({ ok: true });
  });
});

describe("SMS verify", () => {
  const body = fixture("inbound-text.txt");

  it("accepts the signature over the configured URL and the decoded parameters", () => {
    expect(smsAdapter.verify(request(body, handSign(authToken, webhook, body)), channel())).toEqual({ ok: true });
  });

  it("accepts a body re-encoded differently (Twilio signs decoded values) and the URL with its default port", () => {
    const sig = handSign(authToken, webhook, body);
    const reencoded = new URLSearchParams(body).toString().replace(/\+/g, "%20");
    expect(reencoded).not.toBe(body);
    expect(smsAdapter.verify(request(reencoded, sig), channel())).toEqual({ ok: true });
    const withPort = webhook.replace("kaiwa.example.com", "kaiwa.example.com:443");
    expect(smsAdapter.verify(request(body, sig, withPort), channel())).toEqual({ ok: true });
  });

  it("refuses a wrong or missing signature, a changed parameter, another URL, and no Auth Token", () => {
    const sig = handSign(authToken, webhook, body);
    expect(smsAdapter.verify(request(body, handSign("other-token", webhook, body)), channel())).toMatchObject({ ok: false, status: 403 });
    expect(smsAdapter.verify(request(body, null), channel())).toMatchObject({ ok: false, status: 401 });
    expect(smsAdapter.verify(request(body.replace("Hello", "Hallo"), sig), channel())).toMatchObject({ ok: false, status: 403 });
    expect(smsAdapter.verify(request(`${body}&Extra=1`, sig), channel())).toMatchObject({ ok: false, status: 403 });
    // A URL rebuilt from a forged Host header is not the URL Twilio signed.
    expect(smsAdapter.verify(request(body, sig, "https://attacker.example/api/webhooks/sms/ch_sms_1"), channel())).toMatchObject({ ok: false });
    expect(smsAdapter.verify(request(body, "not base64!"), channel())).toMatchObject({ ok: false, status: 403 });
    expect(smsAdapter.verify(request(body, `${sig.slice(0, -2)}=`), channel())).toMatchObject({ ok: false, status: 403 });
    expect(smsAdapter.verify(request(body, sig), channel({ authToken: "" }))).toMatchObject({ ok: false, status: 401 });
  });

  it("never puts the expected signature in its reason", () => {
    const expected = handSign(authToken, webhook, body);
    const result = smsAdapter.verify(request(body, handSign("x", webhook, body)), channel());
    expect(JSON.stringify(result)).not.toContain(expected);
  });
});

describe("SMS normalise", () => {
  const contact = { externalId: "+14155550123" };
  const normalise = (name: string) => smsAdapter.normalise(request(fixture(name), null), channel());
  const mediaBase = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/MM3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b/Media`;

  const expected: Record<string, unknown[]> = {
    "inbound-text.txt": [
      { dedupeKey: "SM1f0e2a3b4c5d6e7f8091a2b3c4d5e6f7", kind: "message", contact, context: { to: from }, message: { text: "Hello there & good morning 👋" } },
    ],
    "inbound-number-reply.txt": [{ dedupeKey: "SM2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a", kind: "message", contact, context: { to: from }, message: { text: "2" } }],
    "inbound-mms.txt": [
      {
        dedupeKey: "MM3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b",
        kind: "message",
        contact,
        context: { to: from, mediaUrl1: `${mediaBase}/ME2222`, mediaContentType1: "application/pdf" },
        message: { text: "Here's my receipt", media: { kind: "image", url: `${mediaBase}/ME1111`, mimeType: "image/jpeg" } },
      },
    ],
    "inbound-stop.txt": [{ dedupeKey: "SM4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c", kind: "unfollow", contact, context: { to: from }, message: { text: " Stop " } }],
    "inbound-start.txt": [{ dedupeKey: "SM5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d", kind: "follow", contact, context: { to: from }, message: { text: "START" } }],
    "inbound-custom-opt-out.txt": [
      { dedupeKey: "SM6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e", kind: "unfollow", contact, context: { to: from }, message: { text: "Arrêtez" } },
    ],
    "status-delivered.txt": [
      {
        dedupeKey: "SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f:delivered",
        kind: "status",
        contact,
        context: { to: "+14155550123" },
        status: { externalMessageId: "SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f", status: "delivered" },
      },
    ],
    "status-undelivered.txt": [
      {
        dedupeKey: "SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f:undelivered",
        kind: "status",
        contact,
        context: { to: "+14155550123" },
        status: { externalMessageId: "SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f", status: "failed", error: "Twilio undelivered: error 30003" },
      },
    ],
    "status-queued.txt": [
      {
        dedupeKey: "SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f:queued",
        kind: "unknown",
        contact,
        context: { to: "+14155550123", messagingServiceSid: "MG0123456789abcdef0123456789abcdef" },
        note: 'Twilio status "queued" for SM9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f: an intermediate step, nothing to record.',
      },
    ],
  };
  for (const [name, events] of Object.entries(expected)) {
    it(`normalises ${name}`, () => {
      expect(normalise(name)).toEqual(events);
    });
  }

  it("treats every opt-out and opt-in keyword alone as unfollow / follow, and sentences as messages", () => {
    const kindOf = (text: string) => {
      const body = new URLSearchParams({ MessageSid: "SMx", AccountSid: accountSid, From: "+14155550123", To: from, Body: text }).toString();
      return smsAdapter.normalise(request(body, null), channel())[0]?.kind;
    };
    for (const word of ["STOP", "stopall", "Unsubscribe", "CANCEL", "end", "QUIT"]) expect(kindOf(word)).toBe("unfollow");
    for (const word of ["START", "yes", "Unstop"]) expect(kindOf(word)).toBe("follow");
    for (const text of ["please stop", "STOP!!", "yes please", "Stopping by later"]) expect(kindOf(text)).toBe("message");
  });

  it("lets a numbered reply pick the choice render() numbered", () => {
    const [event] = normalise("inbound-number-reply.txt");
    const picked = resolveChoiceReply(event?.message?.text ?? "", labelled(["Coffee", "Tea"]), { acceptNumbers: true });
    expect(picked?.label).toBe("Tea");
  });

  const malformed: Record<string, [string, string?]> = {
    "a JSON body": ['{"MessageSid":"SM1","AccountSid":"AC1"}', "application/json"],
    "JSON sent as form": ['{"MessageSid":"SM1","AccountSid":"AC1"}'],
    "an XML body": ["<Message><Body>hi</Body></Message>"],
    "no MessageSid": [`AccountSid=${accountSid}&From=%2B14155550123&Body=hi`],
    "no AccountSid": ["MessageSid=SM1&From=%2B14155550123&Body=hi"],
    "an inbound message without From": [`MessageSid=SM1&AccountSid=${accountSid}&Body=hi`],
    "an empty body": [""],
  };
  for (const [what, [body, contentType]] of Object.entries(malformed)) {
    it(`throws MalformedWebhookError for ${what}`, () => {
      expect(() => smsAdapter.normalise(request(body, null, webhook, contentType), channel())).toThrow(MalformedWebhookError);
    });
  }
});

describe("SMS credentials", () => {
  it("needs a From number or a Messaging Service, and checks the SIDs' shape", () => {
    expect(smsCredentialsSchema.safeParse({ accountSid, authToken, from: "" }).success).toBe(false);
    expect(smsCredentialsSchema.safeParse({ accountSid, authToken, from: "4155550100" }).success).toBe(false);
    expect(smsCredentialsSchema.safeParse({ accountSid: "AC123", authToken, from }).success).toBe(false);
    expect(smsCredentialsSchema.parse({ accountSid, authToken, from, messagingServiceSid: "" })).toEqual({ accountSid, authToken, from });
    expect(smsCredentialsSchema.safeParse({ accountSid, authToken, messagingServiceSid: "MG0123456789abcdef0123456789abcdef" }).success).toBe(true);
    expect(smsAdapter.secretFields).toEqual(["authToken"]);
  });
});

describe("SMS send", () => {
  let fake: FakeSmsApi;
  beforeEach(async () => {
    fake = await startFakeSmsApi({ accountSid, authToken, from });
  });
  afterEach(async () => {
    await fake.close();
  });

  const to = "+14155550123";
  const fetchLike: FetchLike = (url, init) => fetch(url, init);
  const hi = { Body: "Hi" };

  it("sends every payload render() makes for SMS past the fake's checks, with auth, idempotency token and StatusCallback", async () => {
    const payloads = [message("Hello!"), message("Coffee or tea?", labelled(["Coffee", "Tea"])), message("Pick one", choices(11)), message("Our menu", [], image)].flatMap(
      (m) => render(m, "sms").payloads,
    );
    const config = { statusCallbackUrl: "https://kaiwa.example.com/api/webhooks/sms/ch_sms_1" };
    for (const [i, payload] of payloads.entries()) {
      const result = await smsAdapter.send({ to, payload, idempotencyKey: `outbox_${i}` }, channel({}, fake.url, config), fetchLike);
      expect(result).toEqual({ ok: true, externalId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    }
    expect(fake.rejections).toEqual([]);
    expect(fake.requests.map((r) => Object.fromEntries(new URLSearchParams(r.body)))).toEqual(
      payloads.map((p) => ({ To: to, From: from, Body: (p as { Body: string }).Body, StatusCallback: config.statusCallbackUrl })),
    );
    expect(fake.requests.map((r) => r.headers["i-twilio-idempotency-token"])).toEqual(payloads.map((_, i) => `outbox_${i}`));
    expect(fake.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`);
  });

  it("sends through the Messaging Service when one is configured", async () => {
    const messagingServiceSid = "MG0123456789abcdef0123456789abcdef";
    expect(await smsAdapter.send({ to, payload: hi, idempotencyKey: "k" }, channel({ messagingServiceSid }, fake.url), fetchLike)).toMatchObject({ ok: true });
    const form = new URLSearchParams(fake.requests[0]?.body);
    expect(form.get("MessagingServiceSid")).toBe(messagingServiceSid);
    expect(form.has("From")).toBe(false);
  });

  it("gets the same message back when a send is retried with the same idempotency key", async () => {
    const first = await smsAdapter.send({ to, payload: hi, idempotencyKey: "same" }, channel({}, fake.url), fetchLike);
    const again = await smsAdapter.send({ to, payload: hi, idempotencyKey: "same" }, channel({}, fake.url), fetchLike);
    expect(again).toEqual(first);
    expect(smsAdapter.idempotentSends).toBe(true);
  });

  it("retries 429 after Retry-After and 500; refuses a 400 with Twilio's message", async () => {
    const send = () => smsAdapter.send({ to, payload: hi, idempotencyKey: "k" }, channel({}, fake.url), fetchLike);
    fake.failNext(429, 1, { "retry-after": "3" });
    expect(await send()).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000, status: 429, error: expect.stringContaining("20429") });
    fake.failNext(500);
    expect(await send()).toMatchObject({ ok: false, retryable: true, status: 500 });
    fake.failNext(400);
    expect(await send()).toEqual({ ok: false, retryable: false, status: 400, error: "Twilio says the recipient is not a valid phone number (error 21211)." });
  });

  it("reports an opted-out recipient (21610) as permanent, saying START re-enables them", async () => {
    fake.optedOut.add(to);
    const result = await smsAdapter.send({ to, payload: hi, idempotencyKey: "k" }, channel({}, fake.url), fetchLike);
    expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("21610") });
    expect(result.ok ? "" : result.error).toContain("START");
  });

  it("reports a wrong Auth Token without the token", async () => {
    const result = await smsAdapter.send({ to, payload: hi, idempotencyKey: "k" }, channel({ authToken: "wrong-token-123" }, fake.url), fetchLike);
    expect(result).toMatchObject({ ok: false, retryable: false, status: 401, error: expect.stringContaining("Auth Token") });
    expect(JSON.stringify(result)).not.toContain("wrong-token-123");
  });

  it("treats a timeout as retryable", async () => {
    fake.delayNext(1500);
    const impatient: FetchLike = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(100) });
    expect(await smsAdapter.send({ to, payload: hi, idempotencyKey: "k" }, channel({}, fake.url), impatient)).toEqual({
      ok: false,
      retryable: true,
      error: "Twilio did not answer in 10 s.",
    });
  });

  it("refuses a payload without Body without calling Twilio", async () => {
    expect(await smsAdapter.send({ to, payload: { msgtype: "text" }, idempotencyKey: "k" }, channel({}, fake.url), fetchLike)).toMatchObject({ ok: false, retryable: false });
    expect(fake.requests).toHaveLength(0);
  });
});
