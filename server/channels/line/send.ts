import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import type { LineCredentials } from "./credentials";
import { lineRetryKey } from "./line-retry-key";

export const LINE_API_BASE = "https://api.line.me";
const defaultTimeoutMs = 10_000;
// LINE asks for the reply within about a minute of the event; 50 s leaves room for clock skew.
const replyTokenFreshMs = 50_000;

export type LineSendOptions = { timeoutMs?: number; now?: () => number };

// One render() payload (`{ messages: [...] }`, ≤ 5 messages). A reply (free, no quota) when the event's
// reply token is still fresh; a push (counts toward the monthly quota) otherwise, with a retry key
// derived from our outbox key so LINE delivers a retried push once. The token works once: when the
// pipeline passes it with a later payload of the same answer, LINE refuses it and we push instead.
export async function sendLine(
  request: SendRequest,
  channel: AdapterChannel<LineCredentials>,
  fetch: FetchLike,
  options: LineSendOptions = {},
): Promise<SendResult> {
  const payload = request.payload as { messages?: unknown } | null;
  if (!payload || !Array.isArray(payload.messages)) {
    return { ok: false, retryable: false, error: "LINE payload must be { messages: [...] } from render()" };
  }
  if (!channel.credentials.channelAccessToken) {
    return { ok: false, retryable: false, error: "No channel access token is configured for this LINE channel" };
  }
  const now = options.now ?? Date.now;
  if (hasFreshReplyToken(request.context, now())) {
    const replied = await callLine(channel, "/v2/bot/message/reply", { replyToken: request.context?.replyToken, messages: payload.messages }, {}, fetch, options);
    if (replied.ok || !/invalid reply token/i.test(replied.error)) return replied;
  }
  const retryKey = lineRetryKey(request.idempotencyKey);
  return callLine(channel, "/v2/bot/message/push", { to: request.to, messages: payload.messages }, { "x-line-retry-key": retryKey }, fetch, options);
}

function hasFreshReplyToken(context: Record<string, string> | undefined, now: number): boolean {
  if (!context?.replyToken || context.isRedelivery === "true") return false;
  const issuedAt = Number(context.replyTokenAt);
  return Number.isFinite(issuedAt) && now - issuedAt < replyTokenFreshMs;
}

async function callLine(
  channel: AdapterChannel<LineCredentials>,
  path: string,
  body: object,
  headers: Record<string, string>,
  fetch: FetchLike,
  { timeoutMs = defaultTimeoutMs }: LineSendOptions,
): Promise<SendResult> {
  const base = (channel.apiBaseUrl ?? LINE_API_BASE).replace(/\/+$/, "");
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${channel.credentials.channelAccessToken}`, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return { ok: false, retryable: true, error: timedOut ? `LINE did not answer within ${timeoutMs / 1000} s` : `Could not reach LINE (${name})` };
  }
  return mapLineAnswer(response, text);
}

type LineAnswer = { message?: string; details?: { message?: string; property?: string }[]; sentMessages?: { id?: string }[] };

function mapLineAnswer(response: Response, text: string): SendResult {
  const answer = parse(text);
  const status = response.status;
  if (response.ok) {
    const id = answer.sentMessages?.[0]?.id;
    return id ? { ok: true, externalId: String(id) } : { ok: true };
  }
  // 409 on a push: a request with this retry key was already accepted, so the message went out.
  if (status === 409 && response.headers.get("x-line-accepted-request-id")) return { ok: true };
  const details = (answer.details ?? []).map((d) => [d.property, d.message].filter(Boolean).join(": ")).filter(Boolean);
  const error = [answer.message ?? `LINE answered HTTP ${status}`, ...details].join("; ");
  if (status === 429) {
    // The same status means "over the monthly message quota", which no retry this month will fix.
    if (/monthly limit/i.test(error)) return { ok: false, retryable: false, status, error };
    const seconds = Number(response.headers.get("retry-after"));
    return { ok: false, retryable: true, status, error, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  return { ok: false, retryable: status >= 500, status, error };
}

function parse(text: string): LineAnswer {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as LineAnswer) : {};
  } catch {
    return {};
  }
}
