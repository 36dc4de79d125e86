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
});
