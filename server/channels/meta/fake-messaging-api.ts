import { measureText, type CountUnit } from "@/flows-runtime";
import { startFakeApi, type FakeApi, type FakeResponse, type IncomingRequest } from "../testing/fake-api-server";
import { fakeGraphRequest, graphError } from "./fake-graph-request";
import { jsonReader, type JsonObject } from "./json-reader";

const { object, string, array } = jsonReader;

export type FakeMessagingApiOptions = { accessToken?: string };
export type FakeMessagingApi = FakeApi & { rejected: string[] };

type Rules = { text: { max: number; unit: CountUnit }; attachmentTypes: string[]; reusable: boolean };

// Documented Send API rules per platform: Messenger text ≤ 2000 characters, Instagram ≤ 1000 bytes;
// Instagram takes no files and no `is_reusable`.
const rules: Record<"messenger" | "instagram", Rules> = {
  messenger: { text: { max: 2000, unit: "utf16" }, attachmentTypes: ["image", "video", "audio", "file", "template"], reusable: true },
  instagram: { text: { max: 1000, unit: "bytes" }, attachmentTypes: ["image", "video", "audio", "like_heart"], reusable: false },
};

// A local Send API (`POST /<version>/me/messages`) that refuses what Meta refuses, for tests and benchmarks.
export async function startFakeMessagingApi(platform: "messenger" | "instagram", options: FakeMessagingApiOptions = {}): Promise<FakeMessagingApi> {
  const rejected: string[] = [];
  const api = await startFakeApi({
    failure: fakeGraphRequest.failureBody,
    handle(request: IncomingRequest): FakeResponse {
      const answer = answerFor(request, rules[platform], options);
      if (answer.status >= 400) rejected.push(JSON.stringify(answer.body));
      return answer;
    },
  });
  return { ...api, rejected };
}

function answerFor(request: IncomingRequest, rule: Rules, options: FakeMessagingApiOptions): FakeResponse {
  const checked = fakeGraphRequest.check(request, { path: /^\/v\d+\.\d+\/(me|\d+)\/messages$/, accessToken: options.accessToken });
  if ("refused" in checked) return checked.refused;
  const { body } = checked;
  const recipient = string(object(body.recipient)?.id);
  if (!recipient || !/^\d+$/.test(recipient)) return graphError(400, 100, "(#100) The parameter recipient is required");
  const messagingType = string(body.messaging_type);
  if (!["RESPONSE", "UPDATE", "MESSAGE_TAG"].includes(messagingType ?? "")) return graphError(400, 100, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
  if (messagingType === "MESSAGE_TAG" && !string(body.tag)) return graphError(400, 100, "(#100) Param tag is required for MESSAGE_TAG");
  const problem = messageProblem(object(body.message), rule);
  if (problem) return graphError(400, 100, `(#100) ${problem}`);
  return { status: 200, body: { recipient_id: recipient, message_id: fakeGraphRequest.messageId("m_") } };
}

function messageProblem(message: JsonObject | undefined, rule: Rules): string | undefined {
  if (!message) return "The parameter message is required";
  const text = message.text;
  const attachment = object(message.attachment);
  if ((text === undefined) === (attachment === undefined)) return "message must have exactly one of text or attachment";
  if (text !== undefined) {
    if (typeof text !== "string" || text.length === 0) return "message.text must be a non-empty string";
    if (measureText(text, rule.text.unit) > rule.text.max) return `message.text is longer than ${rule.text.max} ${rule.text.unit}`;
  }
  if (attachment) {
    const type = string(attachment.type) ?? "";
    if (!rule.attachmentTypes.includes(type)) return `attachment type "${type}" is not supported`;
    const payload = object(attachment.payload) ?? {};
    if (!/^https?:\/\//.test(string(payload.url) ?? "")) return "attachment.payload.url must be an http(s) URL";
    if (payload.is_reusable !== undefined && (!rule.reusable || typeof payload.is_reusable !== "boolean")) return "is_reusable is not supported here";
  }
  if (message.quick_replies !== undefined) return quickRepliesProblem(message.quick_replies);
  return undefined;
}

function quickRepliesProblem(value: unknown): string | undefined {
  const replies = array(value);
  if (!Array.isArray(value) || replies.length === 0 || replies.length > 13) return "quick_replies must have 1 to 13 items";
  for (const item of replies) {
    const reply = object(item) ?? {};
    if (reply.content_type !== "text") return "quick_replies[].content_type must be text";
    const title = string(reply.title) ?? "";
    if (title.length === 0 || measureText(title, "graphemes") > 20) return "quick_replies[].title must be 1 to 20 characters";
    const payload = string(reply.payload) ?? "";
    if (payload.length === 0 || payload.length > 1000) return "quick_replies[].payload must be 1 to 1000 characters";
  }
  return undefined;
}
