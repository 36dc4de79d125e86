import { defineChannelAdapter, MalformedWebhookError } from "../channel-adapter";
import { webchatCredentialsSchema, webchatSecretFields } from "./credentials";
import { webchatEvent, webchatMessageBodySchema } from "./webchat-message";

// Kaiwa's own widget. It has its own endpoints (/api/webchat/<publicKey>/…, see webchat-api.ts), so
// the generic webhook route refuses it. Delivery is the outbound `messages` row itself: the widget's
// event stream reads it once the sender marks it sent, so send() has nothing to call.
export const webchatAdapter = defineChannelAdapter({
  type: "webchat",
  credentialsSchema: webchatCredentialsSchema,
  secretFields: webchatSecretFields,
  verify: () => ({ ok: false, status: 403, reason: "web chat has no webhooks: the widget posts to /api/webchat/<public key>/messages" }),
  normalise: (request) => {
    let raw: unknown;
    try {
      raw = JSON.parse(request.rawBody);
    } catch {
      throw new MalformedWebhookError("the body is not JSON");
    }
    const parsed = webchatMessageBodySchema.safeParse(raw);
    if (!parsed.success) throw new MalformedWebhookError(`not a web-chat message: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return [webchatEvent(parsed.data, Date.now())];
  },
  // The message id doubles as the external id (unique per channel, as messages_channel_external_idx wants).
  send: async (request) => ({ ok: true, externalId: request.idempotencyKey }),
  // Re-"sending" only re-marks our own row: always safe.
  idempotentSends: true,
});
