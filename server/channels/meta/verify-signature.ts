import { createHmac, timingSafeEqual } from "node:crypto";
import type { RawWebhook, VerifyResult } from "../channel-adapter";

const signatureHeader = /^sha256=([0-9a-fA-F]{64})$/;

// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`, shared by WhatsApp, Messenger and
// Instagram. Meta signs the body bytes as sent (`\u00e4`, `\/` escapes included), so only the raw body
// will do. The reasons never contain the expected value.
export function verifyMetaSignature(request: RawWebhook, appSecret: string | undefined): VerifyResult {
  if (!appSecret) return { ok: false, status: 403, reason: "This channel has no app secret, so no webhook can be trusted." };
  const header = request.headers.get("x-hub-signature-256");
  if (!header) return { ok: false, status: 401, reason: "Missing X-Hub-Signature-256 header." };
  const hex = signatureHeader.exec(header.trim())?.[1];
  if (!hex) return { ok: false, status: 401, reason: "X-Hub-Signature-256 is not `sha256=<64 hex digits>`." };
  const given = Buffer.from(hex, "hex");
  const expected = createHmac("sha256", appSecret).update(Buffer.from(request.rawBody, "utf8")).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: "X-Hub-Signature-256 does not match the body (wrong app secret, or the body was changed)." };
  }
  return { ok: true };
}
