import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import type { SmsCredentials } from "./credentials";

// Twilio error codes a marketer can act on.
const knownErrors: Record<number, string> = {
  21610: "The contact replied STOP and has opted out of SMS from this sender (Twilio error 21610): nothing can be sent until they reply START.",
  21211: "Twilio says the recipient is not a valid phone number (error 21211).",
  21408: "Sending SMS to this country is not enabled on the Twilio account (error 21408): enable it under Messaging geographic permissions.",
  21614: "The recipient number cannot receive SMS (Twilio error 21614).",
  21606: "The From number cannot send SMS to this recipient (Twilio error 21606): check the number's capabilities.",
  20003: "Twilio refused the Account SID or Auth Token (error 20003): check them on the Channels page.",
};

// Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, Basic
// auth. The outbox key goes in I-Twilio-Idempotency-Token, so a retry of an unknown outcome does not
// send the SMS twice.
export async function sendSms(request: SendRequest, channel: AdapterChannel<SmsCredentials>, fetch: FetchLike): Promise<SendResult> {
  const payload = request.payload as { Body?: unknown; MediaUrl?: unknown } | null;
  if (!payload || typeof payload.Body !== "string") return { ok: false, retryable: false, error: "Not an SMS payload (no Body)." };
  const { accountSid, authToken, from, messagingServiceSid } = channel.credentials;

  const form = new URLSearchParams({ To: request.to });
  if (messagingServiceSid) form.set("MessagingServiceSid", messagingServiceSid);
  else if (from) form.set("From", from);
  form.set("Body", payload.Body);
  if (typeof payload.MediaUrl === "string") form.set("MediaUrl", payload.MediaUrl);
  const statusCallback = channel.config.statusCallbackUrl;
  if (typeof statusCallback === "string" && statusCallback) form.set("StatusCallback", statusCallback);

  const base = (channel.apiBaseUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "i-twilio-idempotency-token": request.idempotencyKey,
      },
      body: form.toString(),
      signal: AbortSignal.timeout(10_000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retryable: true, error: timedOut ? "Twilio did not answer in 10 s." : "Could not reach Twilio." };
  }
  return redact(mapAnswer(response, text), authToken);
}

function mapAnswer(response: Response, text: string): SendResult {
  const body = parseObject(text);
  const status = response.status;
  if (response.ok) {
    const sid = typeof body?.sid === "string" ? body.sid : undefined;
    return { ok: true, ...(sid ? { externalId: sid } : {}) };
  }
  const code = Number(body?.code);
  const message = typeof body?.message === "string" ? body.message.slice(0, 300) : text.slice(0, 200);
  if (status === 429 || code === 20429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    return {
      ok: false,
      retryable: true,
      status,
      error: `Twilio answered ${status}${Number.isFinite(code) ? ` (error ${code})` : ""}: ${message}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  const known = Number.isFinite(code) ? knownErrors[code] : undefined;
  return {
    ok: false,
    retryable: false,
    status,
    error: known ?? `Twilio refused the message (${Number.isFinite(code) ? `error ${code}` : `HTTP ${status}`}): ${message}`,
  };
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function redact(result: SendResult, authToken: string): SendResult {
  if (result.ok || !authToken) return result;
  return { ...result, error: result.error.split(authToken).join("[redacted]") };
}
