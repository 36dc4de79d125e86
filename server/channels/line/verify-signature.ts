import { createHmac, timingSafeEqual } from "node:crypto";
import type { AdapterChannel, RawWebhook, VerifyResult } from "../channel-adapter";
import type { LineCredentials } from "./credentials";

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

// x-line-signature = base64(HMAC-SHA256(channel secret, raw body)). This also covers LINE's
// "Verify" button, which posts a signed body with `"events": []`.
export function verifyLineSignature(request: RawWebhook, channel: AdapterChannel<LineCredentials>): VerifyResult {
  const secret = channel.credentials.channelSecret;
  if (!secret) return { ok: false, status: 403, reason: "No channel secret is configured for this LINE channel" };
  const header = request.headers.get("x-line-signature");
  if (!header) return { ok: false, status: 401, reason: "Missing x-line-signature header" };
  const expected = createHmac("sha256", secret).update(request.rawBody, "utf8").digest();
  const received = base64.test(header) ? Buffer.from(header, "base64") : Buffer.alloc(0);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, status: 403, reason: "x-line-signature does not match the body" };
  }
  return { ok: true };
}
