import { defineChannelAdapter } from "../channel-adapter";
import { viberCredentialsSchema, viberSecretFields, type ViberCredentials } from "./credentials";
import { viberHandshake } from "./handshake";
import { normaliseViber } from "./normalise";
import { sendViber } from "./send";
import { verifyViberSignature } from "./verify-signature";

// Viber REST bot API. set_webhook's `event: "webhook"` check is the handshake. A conversation_started
// callback may be answered with one welcome message in the response body; this adapter does not do
// that (the route acknowledges with 200 and the flow's messages go out through send_message once the
// contact is subscribed).
export const viberAdapter = defineChannelAdapter<ViberCredentials>({
  type: "viber",
  credentialsSchema: viberCredentialsSchema,
  secretFields: viberSecretFields,
  handshake: (request) => viberHandshake(request),
  verify: verifyViberSignature,
  normalise: (request) => normaliseViber(request),
  send: (request, channel, fetch) => sendViber(request, channel, fetch),
});
