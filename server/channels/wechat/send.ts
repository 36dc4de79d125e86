import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import type { AccessTokenCache } from "./access-token-cache";
import type { WechatCredentials } from "./credentials";
import { wechatApiBase } from "./wechat-api-base";
import { wechatError } from "./wechat-api-error";

// Customer-service API: the webhook was already answered "success", so replies go out here, within
// 48 h of the contact's last interaction and at most 5 per contact message. WeChat has no idempotency
// key: a timeout is not proof of failure, and a retry may deliver twice.
export function createWechatSender(options: { tokens: AccessTokenCache; now: () => number }) {
  return async function sendWechat(
    request: SendRequest,
    channel: AdapterChannel<WechatCredentials>,
    fetch: FetchLike,
  ): Promise<SendResult> {
    const payload = request.payload;
    if (!payload || typeof payload !== "object" || typeof (payload as { msgtype?: unknown }).msgtype !== "string") {
      return { ok: false, retryable: false, error: "Not a WeChat customer-service payload (no msgtype)." };
    }
    const body = JSON.stringify({ touser: request.to, ...payload });
    const secrets = [channel.credentials.appSecret];
    // One refresh when WeChat calls a cached token invalid or expired (another process may have rotated it).
    for (let attempt = 0; ; attempt += 1) {
      const token = await options.tokens.get(channel, fetch);
      if (!token.ok) return redacted(token, secrets);
      secrets.push(token.token);
      const result = await post(channel, fetch, token.token, body, options.now);
      if ("tokenRejected" in result) {
        options.tokens.invalidate(channel.id, token.token);
        if (attempt === 0) continue;
        return redacted(wechatError.errcode("sending the message", result.body), secrets);
      }
      return redacted(result, secrets);
    }
  };
}

async function post(
  channel: AdapterChannel<WechatCredentials>,
  fetch: FetchLike,
  accessToken: string,
  body: string,
  now: () => number,
): Promise<SendResult | { tokenRejected: true; body: Record<string, unknown> }> {
  // The token is in the query string, so this URL is never logged or returned.
  const url = `${wechatApiBase(channel)}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(accessToken)}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    text = await response.text();
  } catch (error) {
    return wechatError.network("sending the message", error);
  }
  if (!response.ok) return wechatError.http("sending the message", response, text, now());
  let parsed: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    parsed = value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed?.errcode === 0) {
    // A msgid, when WeChat returns one, may exceed 2^53: read it from the raw text.
    const msgid = /"msgid"\s*:\s*"?(\d+)/.exec(text)?.[1];
    return { ok: true, ...(msgid ? { externalId: msgid } : {}) };
  }
  if (wechatError.isTokenRejected(parsed?.errcode)) return { tokenRejected: true, body: parsed ?? {} };
  return wechatError.errcode("sending the message", parsed);
}

function redacted<T extends SendResult>(result: T, secrets: string[]): T {
  if (result.ok) return result;
  let error = result.error;
  for (const secret of secrets) if (secret) error = error.split(secret).join("[redacted]");
  return { ...result, error };
}
