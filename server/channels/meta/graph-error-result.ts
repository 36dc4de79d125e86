import type { SendResult } from "../channel-adapter";
import { jsonReader } from "./json-reader";

// Graph API error codes that mean "not now" rather than "never", whatever the HTTP status (Meta answers
// most of them with 400): 4/17/32/613 app, user, page and custom rate limits, 80006/80007 Messenger and
// WhatsApp business-use-case limits, 130429 WhatsApp throughput, 131056 WhatsApp pair rate limit; 1, 2,
// 1200, 131000, 131016, 133004 temporary failures Meta asks to retry.
const retryableCodes = new Set([1, 2, 4, 17, 32, 613, 1200, 80006, 80007, 130429, 131000, 131016, 131056, 133004]);
// WhatsApp allows about one message every 6 s to the same user (CHANNELS.md).
const pairRateLimitDelayMs = 6_000;

// Maps a non-2xx Graph API answer to a SendResult. The token is scrubbed from anything we return, in case
// an error message ever quotes the request.
export function graphErrorResult(status: number, headers: Headers, bodyText: string, accessToken: string): SendResult {
  const error = jsonReader.object(jsonReader.object(safeParse(bodyText))?.error);
  const code = jsonReader.number(error?.code);
  const retryable = status === 429 || status >= 500 || error?.is_transient === true || (code !== undefined && retryableCodes.has(code));
  const retryAfterMs = retryAfter(headers) ?? (code === 131056 ? pairRateLimitDelayMs : undefined);
  const message = error ? describeGraphError(error) : `HTTP ${status}${bodyText ? `: ${bodyText.slice(0, 200)}` : ""}`;
  return {
    ok: false,
    retryable,
    ...(retryable && retryAfterMs !== undefined ? { retryAfterMs } : {}),
    error: scrub(message, accessToken).slice(0, 500),
    status,
  };
}

function describeGraphError(error: Record<string, unknown>): string {
  const code = jsonReader.string(error.code);
  const subcode = jsonReader.string(error.error_subcode);
  const message = jsonReader.string(error.error_user_msg) ?? jsonReader.string(error.message) ?? "unknown error";
  const details = jsonReader.string(jsonReader.object(error.error_data)?.details);
  const label = code ? `Meta error ${code}${subcode ? `/${subcode}` : ""}: ` : "";
  return `${label}${message}${details && !message.includes(details) ? ` (${details})` : ""}`;
}

// Retry-After is either delta-seconds or an HTTP date.
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

// Real tokens are long; scrubbing a short placeholder would garble the message instead.
function scrub(text: string, secret: string): string {
  return secret.length >= 8 ? text.split(secret).join("[redacted]") : text;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
