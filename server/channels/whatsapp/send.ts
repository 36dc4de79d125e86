import type { AdapterChannel, FetchLike, SendRequest, SendResult } from "../channel-adapter";
import { jsonReader } from "../meta/json-reader";
import { graphBaseUrl, postToGraph } from "../meta/post-to-graph";
import type { WhatsappCredentials } from "./credentials";

// `POST /<version>/<phone_number_id>/messages` with the Bearer token. The payload is one render() body
// (`{ messaging_product, type, … }`); this adds the recipient, and our outbox key as
// `biz_opaque_callback_data`, which Meta returns on every status webhook of the message: with no
// idempotency key on this API, that is how a timed-out send is reconciled instead of resent blindly.
export function sendWhatsapp(
  request: SendRequest,
  channel: AdapterChannel<WhatsappCredentials>,
  fetch: FetchLike,
  options: { timeoutMs?: number } = {},
): Promise<SendResult> {
  const { accessToken, apiVersion, phoneNumberId } = channel.credentials;
  const base = (channel.apiBaseUrl ?? graphBaseUrl).replace(/\/+$/, "");
  return postToGraph(fetch, {
    url: `${base}/${apiVersion}/${phoneNumberId}/messages`,
    accessToken,
    body: {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: request.to,
      ...jsonReader.object(request.payload),
      biz_opaque_callback_data: request.idempotencyKey.slice(0, 512),
    },
    externalId: (answer) => jsonReader.string(jsonReader.object(jsonReader.array(answer.messages)[0])?.id),
    timeoutMs: options.timeoutMs,
  });
}
