import type { AdapterChannel, FetchLike } from "../channels/channel-adapter";
import { createAccessTokenCache, type AccessTokenCache } from "../channels/wechat/access-token-cache";
import type { WechatCredentials } from "../channels/wechat/credentials";
import { wechatApiBase } from "../channels/wechat/wechat-api-base";
import { wechatError } from "../channels/wechat/wechat-api-error";

const holder = globalThis as typeof globalThis & { __kaiwaEntryPointWechatTokens?: AccessTokenCache };
const sharedTokens = (holder.__kaiwaEntryPointWechatTokens ??= createAccessTokenCache({ now: () => Date.now() }));

export type SceneQrResult = { ok: true; url: string; ticket: string } | { ok: false; error: string };

// A permanent parametric QR code (QR_LIMIT_STR_SCENE) whose scene is the entry point's ref: scanning it
// sends a subscribe event with EventKey "qrscene_<ref>" (or SCAN with "<ref>" for followers). The QR
// content is the URL WeChat returns. Permanent codes are limited (100,000 per account), so the URL is
// stored on the entry point and the call made once.
export async function createWechatSceneQr(
  channel: AdapterChannel<WechatCredentials>,
  ref: string,
  options: { fetch?: FetchLike; tokens?: AccessTokenCache } = {},
): Promise<SceneQrResult> {
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = options.tokens ?? sharedTokens;
  const secrets = [channel.credentials.appSecret];
  for (let attempt = 0; ; attempt += 1) {
    const token = await tokens.get(channel, fetch);
    if (!token.ok) return { ok: false, error: redact(`Could not create the WeChat QR code: ${token.error}`, secrets) };
    secrets.push(token.token);
    const url = `${wechatApiBase(channel)}/cgi-bin/qrcode/create?access_token=${encodeURIComponent(token.token)}`;
    let body: Record<string, unknown> | undefined;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ action_name: "QR_LIMIT_STR_SCENE", action_info: { scene: { scene_str: ref } } }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, error: redact(`Could not create the WeChat QR code: ${wechatError.http("creating the QR code", response, text, Date.now()).error}`, secrets) };
      body = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, error: `Could not create the WeChat QR code: ${wechatError.network("creating the QR code", error).error}` };
    }
    if (typeof body?.url === "string" && typeof body.ticket === "string") return { ok: true, url: body.url, ticket: body.ticket };
    if (wechatError.isTokenRejected(body?.errcode) && attempt === 0) {
      tokens.invalidate(channel.id, token.token);
      continue;
    }
    return { ok: false, error: redact(`Could not create the WeChat QR code: ${wechatError.errcode("creating the QR code", body).error}`, secrets) };
  }
}

function redact(message: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => (secret ? text.split(secret).join("[redacted]") : text), message);
}
