import { defineChannelAdapter } from "../channel-adapter";
import { metaHandshake } from "../meta/handshake";
import { normaliseMessaging } from "../meta/normalise-messaging";
import { sendMessaging } from "../meta/send-messaging";
import { verifyMetaSignature } from "../meta/verify-signature";
import { instagramCredentialsSchema, instagramSecretFields, type InstagramCredentials } from "./credentials";

// Instagram messaging through the Messenger Platform: the same handshake, signature, `entry[].messaging[]`
// shape and Send API as Messenger (../meta), with `object: "instagram"` and IGSIDs as contact ids.
export const instagramAdapter = defineChannelAdapter<InstagramCredentials>({
  type: "instagram",
  credentialsSchema: instagramCredentialsSchema,
  secretFields: instagramSecretFields,
  handshake: (request, channel) => metaHandshake(request, channel.credentials.verifyToken),
  verify: (request, channel) => verifyMetaSignature(request, channel.credentials.appSecret),
  normalise: (request, channel) =>
    normaliseMessaging(request, { object: "instagram", accountId: channel.credentials.instagramAccountId, platform: "Instagram" }),
  send: (request, channel, fetch) => sendMessaging(request, channel, fetch),
});
