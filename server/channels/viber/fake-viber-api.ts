import { startFakeApi, type FakeApi, type FakeResponse } from "../testing/fake-api-server";

export type FakeViberOptions = {
  authToken?: string;
  // Users who never subscribed: Viber answers status 6.
  unsubscribedReceivers?: string[];
};

const messageTypes = new Set(["text", "picture", "video", "file", "location", "contact", "sticker", "url", "rich_media"]);

// A local /pa/send_message checking what Viber checks. Like Viber it answers HTTP 200 with `status`
// in the body (0 ok, else an error), and its message_token exceeds 2^53, written as a bare JSON number
// so a sender that parses it as a number loses digits.
export function startFakeViberApi(options: FakeViberOptions = {}): Promise<FakeApi> {
  const token = options.authToken ?? "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
  const unsubscribed = new Set(options.unsubscribedReceivers ?? []);
  let next = 5098034272017990000n;
  return startFakeApi({
    failure: (status) => (status >= 500 ? "<html><body>Service Unavailable</body></html>" : { status: 12, status_message: "tooManyRequests" }),
    handle: (request) => {
      if (request.method !== "POST" || request.path !== "/pa/send_message") return { status: 404, body: "Not Found" };
      if (request.headers["x-viber-auth-token"] !== token) return status(2, "You are not authorized");
      if (!request.headers["content-type"]?.startsWith("application/json")) return status(3, "Request body is not JSON");
      const problem = check((request.json ?? {}) as Record<string, unknown>);
      if (problem) return status(problem.status, problem.message);
      const receiver = (request.json as { receiver: string }).receiver;
      if (unsubscribed.has(receiver)) return status(6, "receiverNotSubscribed");
      next += 17n;
      return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: `{"status":0,"status_message":"ok","message_token":${next},"chat_hostname":"SN-CHAT-05_"}`,
      };
    },
  });
}

function check(body: Record<string, unknown>): { status: number; message: string } | undefined {
  if (typeof body.receiver !== "string" || !body.receiver) return { status: 4, message: "receiver is missing" };
  const sender = body.sender as { name?: unknown } | undefined;
  if (typeof sender?.name !== "string" || !sender.name) return { status: 4, message: "sender.name is missing" };
  if (sender.name.length > 28) return { status: 3, message: "sender.name is longer than 28 characters" };
  if (typeof body.type !== "string" || !messageTypes.has(body.type)) return { status: 3, message: "unknown message type" };
  const text = body.text;
  if (body.type === "text" && (typeof text !== "string" || text.length < 1 || text.length > 7000)) return { status: 3, message: "text must be 1 to 7000 characters" };
  if (body.type === "picture") {
    if (typeof body.media !== "string" || !/^https?:\/\//.test(body.media)) return { status: 3, message: "media must be an image URL" };
    if (text !== undefined && (typeof text !== "string" || text.length > 768)) return { status: 3, message: "picture text is longer than 768 characters" };
  }
  if (body.min_api_version !== undefined && (!Number.isInteger(body.min_api_version) || (body.min_api_version as number) < 1)) {
    return { status: 3, message: "min_api_version must be a positive integer" };
  }
  return body.keyboard === undefined ? undefined : checkKeyboard(body.keyboard);
}

function checkKeyboard(keyboard: unknown): { status: number; message: string } | undefined {
  const kb = keyboard as { Type?: unknown; Buttons?: unknown };
  if (kb?.Type !== "keyboard") return { status: 3, message: "keyboard.Type must be keyboard" };
  if (!Array.isArray(kb.Buttons) || kb.Buttons.length < 1 || kb.Buttons.length > 24) return { status: 3, message: "keyboard.Buttons must hold 1 to 24 buttons" };
  for (const button of kb.Buttons as Record<string, unknown>[]) {
    if (button.ActionType !== "reply" && button.ActionType !== "open-url" && button.ActionType !== "none") return { status: 3, message: "unknown ActionType" };
    if (typeof button.ActionBody !== "string" || !button.ActionBody) return { status: 4, message: "ActionBody is missing" };
    if (typeof button.Text === "string" && button.Text.length > 250) return { status: 3, message: "button Text is longer than 250 characters" };
    for (const [field, max] of [["Columns", 6], ["Rows", 2]] as const) {
      const value = button[field];
      if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max)) return { status: 3, message: `${field} must be 1 to ${max}` };
    }
  }
  return undefined;
}

function status(code: number, message: string): FakeResponse {
  return { status: 200, body: { status: code, status_message: message } };
}
