import { defineChannelAdapter } from "../channel-adapter";
import { smsCredentialsSchema, smsSecretFields } from "./credentials";
import { normaliseSms } from "./normalise";
import { sendSms } from "./send";
import { verifySmsSignature } from "./verify-signature";

// SMS through Twilio Programmable Messaging. STOP / START keywords arrive as unfollow / follow events
// (see opt-out-keywords.ts): honouring them is a legal duty of the runtime, not a nicety.
// Set channel.config.statusCallbackUrl to this channel's webhook URL to receive delivery statuses.
export const smsAdapter = defineChannelAdapter({
  type: "sms",
  credentialsSchema: smsCredentialsSchema,
  secretFields: smsSecretFields,
  verify: verifySmsSignature,
  normalise: (request) => normaliseSms(request),
  // Twilio accepts an empty TwiML answer: no auto-reply from the webhook itself.
  acknowledge: () => ({ body: "<Response></Response>", contentType: "text/xml" }),
  send: sendSms,
  idempotentSends: true,
});
