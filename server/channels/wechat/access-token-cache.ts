import { createHash } from "node:crypto";
import type { AdapterChannel, FetchLike } from "../channel-adapter";
import type { WechatCredentials } from "./credentials";
import { wechatApiBase } from "./wechat-api-base";
import { wechatError } from "./wechat-api-error";

export type AccessTokenResult =
  | { ok: true; token: string }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number; status?: number };

export type AccessTokenCache = {
  get: (channel: AdapterChannel<WechatCredentials>, fetch: FetchLike) => Promise<AccessTokenResult>;
  // Drop the cached token after WeChat called it invalid (40001 / 42001), unless a newer one replaced it.
  invalidate: (channelId: string, token: string) => void;
};

type Entry = { fingerprint: string; token: string; refreshAt: number };

const refreshMarginMs = 5 * 60 * 1000;

// In-memory, per process, per channel. Fetching a token makes WeChat retire the previous one a few
// minutes later, so concurrent sends share one in-flight request instead of each fetching their own.
// (Several processes on one AppID each fetch their own; WeChat's stable_token API would avoid that.)
export function createAccessTokenCache(options: { now: () => number }): AccessTokenCache {
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<AccessTokenResult>>();

  return {
    async get(channel, fetch) {
      const fingerprint = fingerprintOf(channel.credentials);
      const cached = cache.get(channel.id);
      if (cached && cached.fingerprint === fingerprint && options.now() < cached.refreshAt) {
        return { ok: true, token: cached.token };
      }
      const key = `${channel.id}\n${fingerprint}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const request = fetchToken(channel, fetch, options.now).then((result) => {
        if (result.ok) cache.set(channel.id, { fingerprint, token: result.token, refreshAt: result.refreshAt });
        return result.ok ? { ok: true as const, token: result.token } : result;
      });
      inFlight.set(key, request);
      try {
        return await request;
      } finally {
        inFlight.delete(key);
      }
    },
    invalidate(channelId, token) {
      if (cache.get(channelId)?.token === token) cache.delete(channelId);
    },
  };
}

async function fetchToken(
  channel: AdapterChannel<WechatCredentials>,
  fetch: FetchLike,
  now: () => number,
): Promise<{ ok: true; token: string; refreshAt: number } | Extract<AccessTokenResult, { ok: false }>> {
  const { appId, appSecret } = channel.credentials;
  const url = `${wechatApiBase(channel)}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: "GET", signal: AbortSignal.timeout(10_000) });
    text = await response.text();
  } catch (error) {
    return wechatError.network("getting an access token", error);
  }
  if (!response.ok) return wechatError.http("getting an access token", response, text, now());
  const body = parseObject(text);
  const token = body?.access_token;
  const expiresIn = Number(body?.expires_in);
  if (typeof token === "string" && token && Number.isFinite(expiresIn) && expiresIn > 0) {
    const lifetimeMs = expiresIn * 1000;
    return { ok: true, token, refreshAt: now() + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 2) };
  }
  return wechatError.errcode("getting an access token", body);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// A rotated AppSecret must not keep using a token fetched with the old one.
function fingerprintOf(credentials: WechatCredentials): string {
  return createHash("sha256").update(`${credentials.appId}\n${credentials.appSecret}`).digest("base64");
}
