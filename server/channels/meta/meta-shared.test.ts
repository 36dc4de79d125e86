import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchLike } from "../channel-adapter";
import { startFakeMessagingApi } from "./fake-messaging-api";
import { graphErrorResult } from "./graph-error-result";
import { metaHandshake } from "./handshake";
import { metaTestKit as kit } from "./meta-test-kit";
import { metaTimestamp } from "./meta-timestamp";
import { verifyMetaSignature } from "./verify-signature";

const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => JSON.stringify({ error: { message, type: "OAuthException", code, ...extra } });

describe("graphErrorResult", () => {
  it("retries Meta's rate limits even when they come as HTTP 400", () => {
    expect(graphErrorResult(400, new Headers(), graphError(4, "(#4) Application request limit reached"), "t")).toMatchObject({ ok: false, retryable: true });
    expect(graphErrorResult(400, new Headers(), graphError(130429, "(#130429) Rate limit hit"), "t")).toMatchObject({ retryable: true });
    expect(graphErrorResult(400, new Headers(), graphError(9999, "odd", { is_transient: true }), "t")).toMatchObject({ retryable: true });
  });

  it("waits about 6 s on WhatsApp's pair rate limit when Meta gives no Retry-After", () => {
    expect(graphErrorResult(400, new Headers(), graphError(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"), "t")).toMatchObject({ retryable: true, retryAfterMs: 6000 });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(graphErrorResult(429, new Headers({ "retry-after": "1.5" }), "", "t")).toMatchObject({ retryable: true, retryAfterMs: 1500 });
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const result = graphErrorResult(503, new Headers({ "retry-after": inTenSeconds }), "<html>busy</html>", "t");
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(8_000);
  });

  it("keeps other client errors permanent, with the code, subcode, details and never the token", () => {
    const body = graphError(10, "(#10) This message is sent outside of allowed window. Token EAAsecret rejected", { error_subcode: 2018278 });
    const result = graphErrorResult(400, new Headers(), body, "EAAsecret");
    expect(result).toEqual({ ok: false, retryable: false, status: 400, error: "Meta error 10/2018278: (#10) This message is sent outside of allowed window. Token [redacted] rejected" });
    expect(graphErrorResult(400, new Headers(), graphError(100, "(#100) Invalid parameter", { error_data: { details: "Button title length invalid" } }), "t")).toMatchObject({
      error: "Meta error 100: (#100) Invalid parameter (Button title length invalid)",
    });
  });
});

describe("metaHandshake and verifyMetaSignature", () => {
  it("refuses a subscribe handshake in another mode, and treats a POST as no handshake", () => {
    expect(metaHandshake(kit.get({ "hub.mode": "unsubscribe", "hub.verify_token": "tok-12345", "hub.challenge": "1" }), "tok-12345")?.status).toBe(400);
    expect(metaHandshake(kit.post(""), "tok-12345")).toBeNull();
  });

  it("verifies on bytes: a multi-byte body signed as UTF-8 passes, the same text with another character fails", () => {
    const body = '{"text":"こんにちは 👋"}';
    expect(verifyMetaSignature(kit.signedPost(body, "s3cret"), "s3cret")).toEqual({ ok: true });
    const tampered = kit.post(body.replace("👋", "👍"), { "x-hub-signature-256": kit.sign(body, "s3cret") });
    expect(verifyMetaSignature(tampered, "s3cret")).toMatchObject({ ok: false });
    expect(verifyMetaSignature(kit.signedPost(body, "s3cret"), undefined)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("metaTimestamp", () => {
  it("reads WhatsApp seconds strings and Messenger milliseconds as milliseconds", () => {
    expect(metaTimestamp("1749416383")).toBe(1749416383000);
    expect(metaTimestamp(1718000000123)).toBe(1718000000123);
    expect(metaTimestamp("soon")).toBeUndefined();
    expect(metaTimestamp(undefined)).toBeUndefined();
  });
});

describe("fake Send API checks", () => {
  let messenger: Awaited<ReturnType<typeof startFakeMessagingApi>>;
  let instagram: Awaited<ReturnType<typeof startFakeMessagingApi>>;
  beforeAll(async () => {
    messenger = await startFakeMessagingApi("messenger", { accessToken: "tok" });
    instagram = await startFakeMessagingApi("instagram", { accessToken: "tok" });
  });
  afterAll(async () => {
    await messenger.close();
    await instagram.close();
  });
  const post = (url: string, body: unknown, token = "tok"): ReturnType<FetchLike> =>
    fetch(`${url}/v23.0/me/messages`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const quick = (n: number) => Array.from({ length: n }, (_, i) => ({ content_type: "text", title: `Q${i}`, payload: `q${i}` }));

  it("accepts a valid message and refuses what the Send API refuses", async () => {
    const recipient = { id: "7283941056238475" };
    expect((await post(messenger.url, { recipient, messaging_type: "RESPONSE", message: { text: "hi", quick_replies: quick(13) } })).status).toBe(200);
    const refused = [
      { recipient, messaging_type: "RESPONSE", message: { text: "hi", quick_replies: quick(14) } },
      { recipient, messaging_type: "RESPONSE", message: { text: "x".repeat(2001) } },
      { recipient, messaging_type: "RESPONSE", message: { text: "hi", quick_replies: [{ content_type: "text", title: "a title over twenty chars", payload: "p" }] } },
      { messaging_type: "RESPONSE", message: { text: "hi" } },
      { recipient, message: { text: "hi" } },
      { recipient, messaging_type: "MESSAGE_TAG", message: { text: "hi" } },
      { recipient, messaging_type: "RESPONSE", message: { text: "hi", attachment: { type: "image", payload: { url: "https://x/y.png" } } } },
    ];
    for (const body of refused) expect((await post(messenger.url, body)).status).toBe(400);
    expect((await post(messenger.url, { recipient, messaging_type: "RESPONSE", message: { text: "hi" } }, "bad")).status).toBe(401);
    expect(messenger.rejected).toHaveLength(refused.length + 1);
  });

  it("applies Instagram's own limits: 1000 bytes of text, no files, no is_reusable", async () => {
    const recipient = { id: "1254459154682919" };
    expect((await post(instagram.url, { recipient, messaging_type: "RESPONSE", message: { text: "あ".repeat(333) } })).status).toBe(200);
    expect((await post(instagram.url, { recipient, messaging_type: "RESPONSE", message: { text: "あ".repeat(334) } })).status).toBe(400);
    expect((await post(instagram.url, { recipient, messaging_type: "RESPONSE", message: { attachment: { type: "file", payload: { url: "https://x/c.pdf" } } } })).status).toBe(400);
    expect((await post(instagram.url, { recipient, messaging_type: "RESPONSE", message: { attachment: { type: "image", payload: { url: "https://x/i.png", is_reusable: true } } } })).status).toBe(400);
  });
});
