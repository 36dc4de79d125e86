import { defineChannelAdapter } from "../channel-adapter";
import { metaHandshake } from "../meta/handshake";
import { verifyMetaSignature } from "../meta/verify-signature";
import { whatsappCredentialsSchema, whatsappSecretFields, type WhatsappCredentials } from "./credentials";
import { normaliseWhatsapp } from "./normalise";
import { sendWhatsapp } from "./send";

// WhatsApp Cloud API: Meta's GET handshake and X-Hub-Signature-256 (shared in ../meta), webhook changes
// with messages / statuses / echoes, and `POST /<version>/<phone_number_id>/messages`.
export const whatsappAdapter = defineChannelAdapter<WhatsappCredentials>({
  type: "whatsapp",
  credentialsSchema: whatsappCredentialsSchema,
  secretFields: whatsappSecretFields,
  handshake: (request, channel) => metaHandshake(request, channel.credentials.verifyToken),
  verify: (request, channel) => verifyMetaSignature(request, channel.credentials.appSecret),
  normalise: normaliseWhatsapp,
  send: (request, channel, fetch) => sendWhatsapp(request, channel, fetch),
});
