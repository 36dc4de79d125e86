import { randomUUID } from "node:crypto";
import { hmacToken, verifyHmacToken } from "../../crypto/hmac-token";

const PURPOSE = "webchat-visitor";

// Visitors are anonymous: the widget keeps (visitorId, token) in localStorage. The token is an HMAC of
// the channel and visitor ids under the server's secret, so knowing someone's visitor id (it appears
// in nothing public) is still not enough to read their conversation, and a token for one site's
// widget opens nothing on another.
export function visitorToken(channelId: string, visitorId: string): string {
  return hmacToken(`${channelId}:${visitorId}`, PURPOSE);
}

export function isVisitorToken(channelId: string, visitorId: string, token: string): boolean {
  return verifyHmacToken(`${channelId}:${visitorId}`, PURPOSE, token);
}

export function newVisitorId(): string {
  return `v_${randomUUID().replaceAll("-", "")}`;
}
