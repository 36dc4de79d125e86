import type { NormalisedEvent } from "../channel-adapter";
import { compactContext } from "../meta/compact-context";
import { jsonReader } from "../meta/json-reader";
import { metaTimestamp } from "../meta/meta-timestamp";
import { unknownEvent } from "../meta/unknown-event";

const { object, string, array } = jsonReader;
const statuses = new Set(["sent", "delivered", "read", "failed"]);
type Status = NonNullable<NormalisedEvent["status"]>["status"];

// One `value.statuses[]` item, deduplicated by message id + status (each arrives at least once, in any
// order). `biz_opaque_callback_data` is the outbox key send() put on the message.
export function whatsappStatusEvent(item: unknown): NormalisedEvent {
  const entry = object(item) ?? {};
  const id = string(entry.id);
  const status = string(entry.status) ?? "";
  const recipient = string(entry.recipient_id);
  const timestamp = metaTimestamp(entry.timestamp);
  const common: Partial<NormalisedEvent> = {
    ...(recipient ? { contact: { externalId: recipient } } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
  };
  if (!id || !statuses.has(status)) return unknownEvent(entry, `WhatsApp status "${status.slice(0, 30)}", not tracked.`, common);
  const error = object(array(entry.errors)[0]);
  const context = compactContext({
    outboxKey: string(entry.biz_opaque_callback_data),
    conversationId: string(object(entry.conversation)?.id),
    pricingCategory: string(object(entry.pricing)?.category),
  });
  return {
    dedupeKey: `${id}:${status}`,
    kind: "status",
    ...common,
    status: { externalMessageId: id, status: status as Status, ...(error ? { error: describeError(error) } : {}) },
    ...(context ? { context } : {}),
  };
}

function describeError(error: Record<string, unknown>): string {
  const code = string(error.code);
  const title = string(error.title) ?? string(error.message) ?? "failed";
  const details = string(object(error.error_data)?.details);
  return `${code ? `${code} ` : ""}${title}${details && details !== title ? `: ${details}` : ""}`.slice(0, 300);
}
