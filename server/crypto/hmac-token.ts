import { createHmac, timingSafeEqual } from "node:crypto";
import { secretKey } from "./secret-box";

// A token that proves the server issued `value` (a web-chat visitor id): HMAC-SHA256 under a key
// derived from KAIWA_SECRET_KEY with a purpose label, so it never equals anything else made from that key.
export function hmacToken(value: string, purpose: string, key: Buffer = secretKey()): string {
  const derived = createHmac("sha256", key).update(`kaiwa hmac-token ${purpose}`).digest();
  return createHmac("sha256", derived).update(value, "utf8").digest("base64url");
}

// Constant-time check; a token of the wrong length is refused without comparing.
export function verifyHmacToken(value: string, purpose: string, token: string, key?: Buffer): boolean {
  const expected = Buffer.from(hmacToken(value, purpose, key), "utf8");
  const given = Buffer.from(token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
