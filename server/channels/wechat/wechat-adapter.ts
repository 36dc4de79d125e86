import { defineChannelAdapter } from "../channel-adapter";
import { createAccessTokenCache, type AccessTokenCache } from "./access-token-cache";
import { wechatCredentialsSchema, wechatSecretFields } from "./credentials";
import { wechatHandshake } from "./handshake";
import { createNonceCache, type NonceCache } from "./nonce-cache";
import { normaliseWechat } from "./normalise";
import { createWechatSender } from "./send";
import { createWechatVerifier } from "./verify-signature";

export type WechatAdapterOptions = {
  // Clock in ms: the timestamp window and the access-token expiry read it (tests pass a fixed one).
  now?: () => number;
  nonces?: NonceCache;
  tokens?: AccessTokenCache;
};

// WeChat Official Account. The webhook is answered "success" at once (WeChat retries after 5 s and
// passive XML replies would have to be ready by then); replies go through the customer-service API.
export function createWechatAdapter(options: WechatAdapterOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const nonces = options.nonces ?? createNonceCache();
  const tokens = options.tokens ?? createAccessTokenCache({ now });
  return defineChannelAdapter({
    type: "wechat",
    credentialsSchema: wechatCredentialsSchema,
    secretFields: wechatSecretFields,
    handshake: wechatHandshake,
    verify: createWechatVerifier({ now, nonces }),
    normalise: (request) => normaliseWechat(request),
    acknowledge: () => ({ body: "success", contentType: "text/plain" }),
    send: createWechatSender({ tokens, now }),
  });
}

// The process-wide instance: one nonce cache and one access-token cache shared by every WeChat channel.
export const wechatAdapter = createWechatAdapter();
