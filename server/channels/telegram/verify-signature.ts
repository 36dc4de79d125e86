import { timingSafeEqual } from "node:crypto";
import type { AdapterChannel, RawWebhook, VerifyResult } from "../channel-adapter";
import type { TelegramCredentials } from "./credentials";

// Telegram signs nothing: it echoes the secret_token given to setWebhook in a header. Compared in
// constant time; a missing secret on our side rejects everything (fail closed).
export function verifyTelegramSignature(
  request: RawWebhook,
  channel: AdapterChannel<TelegramCredentials>,
): VerifyResult {
  const secret = channel.credentials.secretToken;
  if (!secret) return { ok: false, status: 403, reason: "No secret token is configured for this Telegram channel" };
  const received = request.headers.get("x-telegram-bot-api-secret-token");
  if (!received) return { ok: false, status: 401, reason: "Missing X-Telegram-Bot-Api-Secret-Token header" };
  const expected = Buffer.from(secret, "utf8");
  const actual = Buffer.from(received, "utf8");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, status: 403, reason: "X-Telegram-Bot-Api-Secret-Token does not match" };
  }
  return { ok: true };
}
