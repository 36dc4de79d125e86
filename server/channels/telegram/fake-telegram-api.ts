import { startFakeApi, type FakeApi, type FakeResponse } from "../testing/fake-api-server";

export type FakeTelegramOptions = {
  botToken?: string;
  // Chats whose user blocked the bot: sends answer 403 like Telegram does.
  blockedChatIds?: string[];
};

const sendMethods = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendVideo", "sendAudio"]);
const mediaField: Record<string, string> = { sendPhoto: "photo", sendDocument: "document", sendVideo: "video", sendAudio: "audio" };

// A local Bot API that checks what Telegram checks and answers in its format:
// `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`.
export function startFakeTelegramApi(options: FakeTelegramOptions = {}): Promise<FakeApi> {
  const token = options.botToken ?? "123456:TEST-token_abc";
  const blocked = new Set(options.blockedChatIds ?? []);
  let nextMessageId = 100;
  return startFakeApi({
    failure: (status) =>
      status === 429
        ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } }
        : { ok: false, error_code: status, description: status >= 500 ? "Internal Server Error" : `Error ${status}` },
    handle: (request) => {
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
      if (!match) return fail(404, "Not Found");
      if (match[1] !== token) return fail(401, "Unauthorized");
      const method = match[2] ?? "";
      if (request.method !== "POST") return fail(400, "Bad Request: expected POST");
      if (!request.headers["content-type"]?.startsWith("application/json")) return fail(400, "Bad Request: expected application/json");
      const body = request.json;
      if (typeof body !== "object" || body === null) return fail(400, "Bad Request: body is not a JSON object");
      const fields = body as Record<string, unknown>;
      if (method === "answerCallbackQuery") return checkAnswer(fields);
      if (!sendMethods.has(method)) return fail(404, "Not Found: method not found");
      const problem = checkSend(method, fields);
      if (problem) return fail(400, `Bad Request: ${problem}`);
      if (blocked.has(String(fields.chat_id))) return fail(403, "Forbidden: bot was blocked by the user");
      const messageId = nextMessageId++;
      return { status: 200, body: { ok: true, result: { message_id: messageId, chat: { id: fields.chat_id, type: "private" }, date: 1700000000 } } };
    },
  });
}

function checkSend(method: string, fields: Record<string, unknown>): string | undefined {
  if (typeof fields.chat_id !== "number" && (typeof fields.chat_id !== "string" || !fields.chat_id)) return "chat_id is empty";
  const media = mediaField[method];
  if (media) {
    if (typeof fields[media] !== "string" || !fields[media]) return `there is no ${media} in the request`;
    if (fields.caption !== undefined && (typeof fields.caption !== "string" || fields.caption.length > 1024)) return "message caption is too long";
  } else {
    if (typeof fields.text !== "string" || fields.text.trim() === "") return "message text is empty";
    if (fields.text.length > 4096) return "message is too long";
  }
  for (const key of ["photo", "document", "video", "audio"]) {
    if (key !== media && key in fields) return `unexpected field ${key} for ${method}`;
  }
  return fields.reply_markup === undefined ? undefined : checkKeyboard(fields.reply_markup);
}

function checkKeyboard(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: unknown })?.inline_keyboard;
  if (!Array.isArray(rows) || rows.length === 0) return "can't parse inline keyboard markup";
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) return "inline keyboard row must be a non-empty array";
    for (const button of row as { text?: unknown; callback_data?: unknown }[]) {
      if (typeof button?.text !== "string" || button.text === "") return "inline keyboard button text must be non-empty";
      const data = button.callback_data;
      if (typeof data !== "string") return "inline keyboard button must have callback_data";
      const bytes = new TextEncoder().encode(data).length;
      if (bytes < 1 || bytes > 64) return "BUTTON_DATA_INVALID";
    }
  }
  return undefined;
}

function checkAnswer(fields: Record<string, unknown>): FakeResponse {
  if (typeof fields.callback_query_id !== "string" || !fields.callback_query_id) return fail(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
  if (fields.text !== undefined && (typeof fields.text !== "string" || fields.text.length > 200)) return fail(400, "Bad Request: text is too long");
  return { status: 200, body: { ok: true, result: true } };
}

function fail(status: number, description: string): FakeResponse {
  return { status, body: { ok: false, error_code: status, description } };
}
