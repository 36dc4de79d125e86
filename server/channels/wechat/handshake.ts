import type { AdapterChannel, HandshakeResult, RawWebhook } from "../channel-adapter";
import type { WechatCredentials } from "./credentials";
import { wechatQuerySignatureMatches } from "./wechat-query-signature";

// The server-configuration check: a GET with signature, timestamp, nonce and echostr; answering the
// echostr proves we hold the Token. Not a handshake (null) for anything else.
export function wechatHandshake(request: RawWebhook, channel: AdapterChannel<WechatCredentials>): HandshakeResult {
  const echostr = request.query.get("echostr");
  if (request.method.toUpperCase() !== "GET" || echostr === null) return null;
  const token = channel.credentials.token;
  if (!token) return { status: 403, body: "No Token is configured for this WeChat channel.", contentType: "text/plain" };
  if (!wechatQuerySignatureMatches(token, request.query)) {
    return { status: 403, body: "Signature does not match the configured Token.", contentType: "text/plain" };
  }
  return { status: 200, body: echostr, contentType: "text/plain" };
}
