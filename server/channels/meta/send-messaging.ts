import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import { jsonReader } from "./json-reader";
import { graphBaseUrl, postToGraph } from "./post-to-graph";

export type MessagingCredentials = { pageAccessToken: string; apiVersion: string };

// Outside the 24-hour window Messenger takes only tagged messages; the runtime says so through
// context.messageTag (e.g. HUMAN_AGENT), and context.messagingType may ask for UPDATE.
const messagingTypes = new Set(["RESPONSE", "UPDATE", "MESSAGE_TAG"]);

// Messenger and Instagram Send API: `POST /<version>/me/messages` with the Page access token, body
// `{ recipient: { id }, messaging_type, message }` where `message` is one render() payload.
export function sendMessaging(
  request: SendRequest,
  channel: AdapterChannel<MessagingCredentials>,
  fetch: FetchLike,
  options: { timeoutMs?: number } = {},
): Promise<SendResult> {
  const { pageAccessToken, apiVersion } = channel.credentials;
  const tag = request.context?.messageTag;
  const requested = request.context?.messagingType;
  const messagingType = tag ? "MESSAGE_TAG" : requested && messagingTypes.has(requested) ? requested : "RESPONSE";
  const base = (channel.apiBaseUrl ?? graphBaseUrl).replace(/\/+$/, "");
  return postToGraph(fetch, {
    url: `${base}/${apiVersion}/me/messages`,
    accessToken: pageAccessToken,
    body: {
      recipient: { id: request.to },
      messaging_type: messagingType,
      ...(tag ? { tag } : {}),
      message: request.payload,
    },
    externalId: (answer) => jsonReader.string(answer.message_id),
    timeoutMs: options.timeoutMs,
  });
}
