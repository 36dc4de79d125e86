import { createHmac, timingSafeEqual } from "node:crypto";
import type { AdapterChannel, RawWebhook, VerifyResult } from "../channel-adapter";
import type { ViberCredentials } from "./credentials";

// X-Viber-Content-Signature = hex(HMAC-SHA256(auth token, raw body)). Viber also sends it as a
// `sig` query parameter on some callbacks; the header is what we require.
export function verifyViberSignature(request: RawWebhook, channel: AdapterChannel<ViberCredentials>): VerifyResult {
  const token = channel.credentials.authToken;
  if (!token) return { ok: false, status: 403, reason: "No auth token is configured for this Viber channel" };
  const header = request.headers.get("x-viber-content-signature");
  if (!header) return { ok: false, status: 401, reason: "Missing X-Viber-Content-Signature header" };
  const expected = createHmac("sha256", token).update(request.rawBody, "utf8").digest();
  const received = /^[0-9a-f]{64}$/i.test(header) ? Buffer.from(header, "hex") : Buffer.alloc(0);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, status: 403, reason: "X-Viber-Content-Signature does not match the body" };
  }
  return { ok: true };
}
