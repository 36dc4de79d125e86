import { startFakeApi, type FakeApi, type FakeResponse } from "../testing/fake-api-server";

export type FakeLineOptions = {
  channelAccessToken?: string;
  // Reply tokens the fake will accept, each once (LINE's are single use).
  replyTokens?: string[];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const utf16 = (s: unknown) => (typeof s === "string" ? s.length : 0);

// A local Messaging API (reply and push) checking what LINE checks and answering in its format:
// `{ sentMessages: [{ id, quoteToken }] }` or `{ message, details: [{ message, property }] }`.
export function startFakeLineApi(options: FakeLineOptions = {}): Promise<FakeApi> {
  const token = options.channelAccessToken ?? "line-access-token";
  const replyTokens = new Set(options.replyTokens ?? []);
  const acceptedRetryKeys = new Map<string, string>();
  let nextId = 480000000000000;
  return startFakeApi({
    failure: (status) => lineFailure(status),
    handle: (request) => {
      if (request.method !== "POST") return fail(405, "Method Not Allowed");
      if (request.headers.authorization !== `Bearer ${token}`) return fail(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
      if (!request.headers["content-type"]?.startsWith("application/json")) return fail(415, "Unsupported Media Type");
      const body = (request.json ?? {}) as Record<string, unknown>;
      const isReply = request.path === "/v2/bot/message/reply";
      if (!isReply && request.path !== "/v2/bot/message/push") return fail(404, "Not found");
      const retryKey = request.headers["x-line-retry-key"];
      if (isReply && retryKey) return fail(400, "X-Line-Retry-Key is not supported for the reply API");
      if (retryKey && !uuid.test(retryKey)) return fail(400, "The value of the X-Line-Retry-Key header is invalid");
      if (retryKey && acceptedRetryKeys.has(retryKey)) {
        return { status: 409, headers: { "x-line-accepted-request-id": acceptedRetryKeys.get(retryKey) ?? "" }, body: { message: "The retry key is already accepted" } };
      }
      const problems = checkMessages(body.messages);
      if (isReply && typeof body.replyToken !== "string") problems.push({ property: "replyToken", message: "must be specified" });
      if (!isReply && (typeof body.to !== "string" || !body.to)) problems.push({ property: "to", message: "must be specified" });
      if (problems.length > 0) return { status: 400, body: { message: "The request body has 1 error(s)", details: problems } };
      if (isReply && !replyTokens.delete(body.replyToken as string)) return fail(400, "Invalid reply token");
      const messages = body.messages as unknown[];
      const sentMessages = messages.map(() => ({ id: String(nextId++), quoteToken: "q3Plxr4AgKd..." }));
      if (retryKey) acceptedRetryKeys.set(retryKey, `req-${nextId}`);
      return { status: 200, body: { sentMessages } };
    },
  });
}

type Problem = { property: string; message: string };

function checkMessages(messages: unknown): Problem[] {
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
    return [{ property: "messages", message: "Size must be between 1 and 5" }];
  }
  return messages.flatMap((m, i) => checkMessage((m ?? {}) as Record<string, unknown>, `messages[${i}]`));
}

function checkMessage(m: Record<string, unknown>, at: string): Problem[] {
  const problems: Problem[] = [];
  if (m.type === "text") {
    if (utf16(m.text) < 1 || utf16(m.text) > 5000) problems.push({ property: `${at}.text`, message: "Length must be between 1 and 5000" });
  } else if (m.type === "image") {
    for (const field of ["originalContentUrl", "previewImageUrl"]) {
      const url = m[field];
      if (typeof url !== "string" || !url.startsWith("https://") || url.length > 2000) problems.push({ property: `${at}.${field}`, message: "Must be an HTTPS URL of at most 2000 characters" });
    }
  } else {
    problems.push({ property: `${at}.type`, message: "Invalid message type" });
  }
  if (m.quickReply !== undefined) problems.push(...checkQuickReply(m.quickReply, `${at}.quickReply`));
  return problems;
}

function checkQuickReply(quickReply: unknown, at: string): Problem[] {
  const items = (quickReply as { items?: unknown })?.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > 13) return [{ property: `${at}.items`, message: "Size must be between 1 and 13" }];
  const problems: Problem[] = [];
  items.forEach((item: { type?: unknown; action?: Record<string, unknown> }, i) => {
    const action = item?.action ?? {};
    const path = `${at}.items[${i}].action`;
    if (item?.type !== "action" || action.type !== "postback") problems.push({ property: path, message: "Expected a postback action" });
    if (utf16(action.label) < 1 || utf16(action.label) > 20) problems.push({ property: `${path}.label`, message: "Length must be between 1 and 20" });
    if (utf16(action.data) < 1 || utf16(action.data) > 300) problems.push({ property: `${path}.data`, message: "Length must be between 1 and 300" });
    if (action.displayText !== undefined && (utf16(action.displayText) < 1 || utf16(action.displayText) > 300)) {
      problems.push({ property: `${path}.displayText`, message: "Length must be between 1 and 300" });
    }
  });
  return problems;
}

// LINE's own bodies for a forced failure: a 400 names the invalid property, as LINE's validation does.
function lineFailure(status: number): FakeResponse["body"] {
  if (status === 400) return { message: "The request body has 1 error(s)", details: [{ message: "May not be empty", property: "messages[0].text" }] };
  if (status === 429) return { message: "The API rate limit has been exceeded. Try again later." };
  return { message: "An error occurred in the backend server" };
}

function fail(status: number, message: string): FakeResponse {
  return { status, body: { message } };
}
