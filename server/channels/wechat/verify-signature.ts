import type { AdapterChannel, RawWebhook, VerifyResult } from "../channel-adapter";
import type { WechatCredentials } from "./credentials";
import type { NonceCache } from "./nonce-cache";
import { wechatQuerySignatureMatches } from "./wechat-query-signature";

// WeChat's query signature does not cover the body, so a captured request could carry any body. A
// timestamp window bounds how long a captured query stays usable, and the nonce cache refuses it with
// a different body inside that window.
export const wechatTimestampWindowMs = 5 * 60 * 1000;

export type WechatVerifyOptions = {
  // Receipt time of the request in ms: verify() runs as the request arrives, so "now" is the receipt time.
  now: () => number;
  nonces: NonceCache;
};

export function createWechatVerifier(options: WechatVerifyOptions) {
  return function verifyWechatRequest(request: RawWebhook, channel: AdapterChannel<WechatCredentials>): VerifyResult {
    const token = channel.credentials.token;
    if (!token) return { ok: false, status: 401, reason: "No Token is configured for this WeChat channel." };
    const { query } = request;
    const timestamp = query.get("timestamp");
    const nonce = query.get("nonce");
    if (!query.get("signature") || !timestamp || !nonce) {
      return { ok: false, status: 401, reason: "The signature, timestamp or nonce query parameter is missing." };
    }
    if (!wechatQuerySignatureMatches(token, query)) {
      return { ok: false, status: 403, reason: "The signature does not match the configured Token." };
    }
    const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : Number.NaN;
    const now = options.now();
    if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > wechatTimestampWindowMs) {
      return { ok: false, status: 403, reason: "The timestamp is more than 5 minutes from our clock: refused as a possible replay." };
    }
    if (options.nonces.check(channel.id, nonce, request.rawBody, now) === "reused") {
      return { ok: false, status: 403, reason: "This nonce was already used with a different body: refused as a replay." };
    }
    options.nonces.remember(channel.id, nonce, request.rawBody, sentAt + wechatTimestampWindowMs);
    return { ok: true };
  };
}
