import { telegramMethodFor } from "@/flows-runtime";
import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import type { TelegramCredentials } from "./credentials";
import { idOf, isObj } from "./telegram-fields";

export const TELEGRAM_API_BASE = "https://api.telegram.org";
const defaultTimeoutMs = 10_000;

export type TelegramSendOptions = { timeoutMs?: number };

// Posts one render() payload to the Bot API method it needs (sendMessage, sendPhoto…) with `chat_id`.
// The bot token sits in the URL path, so neither the URL nor a fetch error's message ever leaves here.
export function sendTelegram(
  request: SendRequest,
  channel: AdapterChannel<TelegramCredentials>,
  fetch: FetchLike,
  options: TelegramSendOptions = {},
): Promise<SendResult> {
  const payload = request.payload;
  if (!isObj(payload)) {
    return Promise.resolve({ ok: false, retryable: false, error: "Telegram payload must be an object from render()" });
  }
  return callTelegram(channel, telegramMethodFor(payload), { chat_id: request.to, ...payload }, fetch, options);
}

// Every callback_query must be answered, or the contact's button keeps spinning for a while. The
// pipeline calls this when an inbound event carries context.callbackQueryId (Telegram has no idempotency
// key; answering twice is harmless, the second answer just fails with "query is too old").
export function answerCallbackQuery(
  channel: AdapterChannel<TelegramCredentials>,
  callbackQueryId: string,
  fetch: FetchLike,
  options: TelegramSendOptions & { text?: string } = {},
): Promise<SendResult> {
  const body = { callback_query_id: callbackQueryId, ...(options.text ? { text: options.text } : {}) };
  return callTelegram(channel, "answerCallbackQuery", body, fetch, options);
}

async function callTelegram(
  channel: AdapterChannel<TelegramCredentials>,
  method: string,
  body: object,
  fetch: FetchLike,
  { timeoutMs = defaultTimeoutMs }: TelegramSendOptions,
): Promise<SendResult> {
  const token = channel.credentials.botToken;
  if (!token) return { ok: false, retryable: false, error: "No bot token is configured for this Telegram channel" };
  const base = (channel.apiBaseUrl ?? TELEGRAM_API_BASE).replace(/\/+$/, "");
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return networkFailure(error, timeoutMs);
  }
  return mapTelegramAnswer(response, text, token);
}

type BotApiAnswer = {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};

function mapTelegramAnswer(response: Response, text: string, token: string): SendResult {
  const answer = parseAnswer(text);
  const status = response.status;
  if (response.ok && answer.ok === true) {
    const messageId = isObj(answer.result) ? idOf(answer.result.message_id) : undefined;
    return messageId ? { ok: true, externalId: messageId } : { ok: true };
  }
  // Descriptions never contain the token, but a proxy's error page might echo the URL.
  const error = (answer.description ?? `Telegram answered HTTP ${status}`).split(token).join("[bot token]");
  if (status === 429) {
    const seconds = answer.parameters?.retry_after ?? retryAfterSeconds(response.headers.get("retry-after"));
    return { ok: false, retryable: true, status, error, ...(seconds !== undefined ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  // 403 "Forbidden: bot was blocked by the user" (or "user is deactivated") is permanent: the pipeline
  // marks the contact unreachable until a my_chat_member "member" update says otherwise.
  return { ok: false, retryable: status >= 500, status, error };
}

function parseAnswer(text: string): BotApiAnswer {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObj(parsed) ? (parsed as BotApiAnswer) : {};
  } catch {
    return {};
  }
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

// A fetch error's message can quote the URL (and so the token): report only its kind.
function networkFailure(error: unknown, timeoutMs: number): SendResult {
  const name = error instanceof Error ? error.name : "Error";
  if (name === "TimeoutError" || name === "AbortError") {
    return { ok: false, retryable: true, error: `Telegram did not answer within ${timeoutMs / 1000} s` };
  }
  const cause = error instanceof Error && isObj(error.cause) && typeof error.cause.code === "string" ? error.cause.code : name;
  return { ok: false, retryable: true, error: `Could not reach Telegram (${cause})` };
}
