import { defineChannelAdapter } from "../channel-adapter";
import { metaHandshake } from "../meta/handshake";
import { normaliseMessaging } from "../meta/normalise-messaging";
import { sendMessaging } from "../meta/send-messaging";
import { verifyMetaSignature } from "../meta/verify-signature";
import { messengerCredentialsSchema, messengerSecretFields, type MessengerCredentials } from "./credentials";

// Facebook Messenger: Meta's GET handshake and X-Hub-Signature-256, `entry[].messaging[]` events, and the
// Send API at `POST /<version>/me/messages` with the Page access token. The Meta parts are shared with
// Instagram and WhatsApp in ../meta.
export const messengerAdapter = defineChannelAdapter<MessengerCredentials>({
  type: "messenger",
  credentialsSchema: messengerCredentialsSchema,
  secretFields: messengerSecretFields,
  handshake: (request, channel) => metaHandshake(request, channel.credentials.verifyToken),
  verify: (request, channel) => verifyMetaSignature(request, channel.credentials.appSecret),
  normalise: (request, channel) =>
    normaliseMessaging(request, { object: "page", accountId: channel.credentials.pageId, platform: "Messenger" }),
  send: (request, channel, fetch) => sendMessaging(request, channel, fetch),
});
