import { MalformedWebhookError } from "../channel-adapter";
import { jsonReader, type JsonObject } from "./json-reader";

// Meta's envelope: `{ object, entry: [...] }`. A body without it is not a Meta webhook at all; an
// envelope for another product (a Page webhook posted to a WhatsApp channel) means a misconfigured app.
export function parseMetaBody(rawBody: string, expectedObject: string): JsonObject[] {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new MalformedWebhookError("The webhook body is not JSON.");
  }
  const envelope = jsonReader.object(body);
  if (!envelope || typeof envelope.object !== "string" || !Array.isArray(envelope.entry)) {
    throw new MalformedWebhookError("The webhook body has no Meta envelope (`object` and `entry[]`).");
  }
  if (envelope.object !== expectedObject) {
    throw new MalformedWebhookError(
      `The webhook is for "${envelope.object.slice(0, 40)}", not "${expectedObject}": check which product this app's webhook URL is set for.`,
    );
  }
  return envelope.entry.map((entry) => jsonReader.object(entry) ?? {});
}
