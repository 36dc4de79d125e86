import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import type { ViberCredentials } from "./credentials";
import { parseViberJson } from "./parse-viber-json";
import { viberMinApiVersion } from "./viber-min-api-version";

export const VIBER_API_BASE = "https://chatapi.viber.com";
const defaultTimeoutMs = 10_000;

export type ViberSendOptions = { timeoutMs?: number };

// Viber answers HTTP 200 for most failures and puts the outcome in `status` (0 = ok). Which of those
// are worth retrying: too many requests, and the catch-all "general error".
const viberStatuses: Record<number, { name: string; retryable: boolean }> = {
  1: { name: "invalidUrl", retryable: false },
  2: { name: "invalidAuthToken", retryable: false },
  3: { name: "badData", retryable: false },
  4: { name: "missingData", retryable: false },
  5: { name: "receiverNotRegistered", retryable: false },
  6: { name: "receiverNotSubscribed", retryable: false },
  7: { name: "publicAccountBlocked", retryable: false },
  8: { name: "publicAccountNotFound", retryable: false },
  9: { name: "publicAccountSuspended", retryable: false },
  10: { name: "webhookNotSet", retryable: false },
  11: { name: "receiverNoSuitableDevice", retryable: false },
  12: { name: "tooManyRequests", retryable: true },
  13: { name: "apiVersionNotSupported", retryable: false },
  14: { name: "incompatibleWithVersion", retryable: false },
};

// POST /pa/send_message with one render() payload plus `receiver`, `sender` and, when a keyboard needs
// it, `min_api_version`. Viber has no idempotency key: a timeout may still have delivered, and the
// delivered/failed callbacks (by message_token) are how the outbox reconciles.
export async function sendViber(
  request: SendRequest,
  channel: AdapterChannel<ViberCredentials>,
  fetch: FetchLike,
  { timeoutMs = defaultTimeoutMs }: ViberSendOptions = {},
): Promise<SendResult> {
  const payload = request.payload;
  if (typeof payload !== "object" || payload === null) {
    return { ok: false, retryable: false, error: "Viber payload must be an object from render()" };
  }
  const { authToken, senderAvatar } = channel.credentials;
  if (!authToken) return { ok: false, retryable: false, error: "No auth token is configured for this Viber channel" };
  const senderName = channel.credentials.senderName ?? (typeof channel.config.senderName === "string" ? channel.config.senderName : "");
  if (!senderName) return { ok: false, retryable: false, error: "Set the sender name for this Viber channel: Viber refuses messages without one" };

  const minApiVersion = viberMinApiVersion(payload as Record<string, unknown>);
  const body = {
    ...(minApiVersion !== undefined ? { min_api_version: minApiVersion } : {}),
    ...payload,
    receiver: request.to,
    sender: { name: senderName, ...(senderAvatar ? { avatar: senderAvatar } : {}) },
  };
  const base = (channel.apiBaseUrl ?? VIBER_API_BASE).replace(/\/+$/, "");
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}/pa/send_message`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-viber-auth-token": authToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return { ok: false, retryable: true, error: timedOut ? `Viber did not answer within ${timeoutMs / 1000} s` : `Could not reach Viber (${name})` };
  }
  return mapViberAnswer(response, text);
}

type ViberAnswer = { status?: number; status_message?: string; message_token?: string };

function mapViberAnswer(response: Response, text: string): SendResult {
  const httpStatus = response.status;
  if (httpStatus === 429 || httpStatus >= 500) {
    const seconds = Number(response.headers.get("retry-after"));
    const retryAfter = httpStatus === 429 && Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {};
    return { ok: false, retryable: true, status: httpStatus, error: `Viber answered HTTP ${httpStatus}`, ...retryAfter };
  }
  let answer: ViberAnswer = {};
  try {
    answer = (parseViberJson(text) ?? {}) as ViberAnswer;
  } catch {
    // Not JSON: handled below as an error without a status.
  }
  if (response.ok && answer.status === 0) {
    return answer.message_token ? { ok: true, externalId: answer.message_token } : { ok: true };
  }
  if (typeof answer.status !== "number") {
    return { ok: false, retryable: false, status: httpStatus, error: `Viber answered HTTP ${httpStatus} without a status` };
  }
  const known = viberStatuses[answer.status];
  const error = `${known?.name ?? "generalError"} (${answer.status}): ${answer.status_message ?? "no message"}`;
  return { ok: false, retryable: known?.retryable ?? true, status: httpStatus, error };
}
