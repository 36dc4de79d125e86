import { defineChannelAdapter } from "../channel-adapter";
import { lineCredentialsSchema, lineSecretFields, type LineCredentials } from "./credentials";
import { normaliseLine } from "./normalise";
import { sendLine } from "./send";
import { verifyLineSignature } from "./verify-signature";

// LINE Messaging API. No separate handshake: the console's "Verify" posts a signed `"events": []`, which
// verifies and normalises to no events, so the route answers 200.
export const lineAdapter = defineChannelAdapter<LineCredentials>({
  type: "line",
  credentialsSchema: lineCredentialsSchema,
  secretFields: lineSecretFields,
  verify: verifyLineSignature,
  normalise: (request) => normaliseLine(request),
  send: (request, channel, fetch) => sendLine(request, channel, fetch),
  // Pushes carry X-Line-Retry-Key (our outbox key): LINE accepts a key once, so resending a push whose
  // outcome is unknown cannot deliver it twice. (A reply's token is single use, so it cannot either.)
  idempotentSends: true,
});
