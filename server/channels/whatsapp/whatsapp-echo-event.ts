import type { NormalisedEvent } from "../channel-adapter";
import { compactContext } from "../meta/compact-context";
import { jsonReader } from "../meta/json-reader";
import { metaTimestamp } from "../meta/meta-timestamp";
import { unknownEvent } from "../meta/unknown-event";
import { whatsappContent } from "./whatsapp-content";

const { object, string } = jsonReader;

// `smb_message_echoes`: a message the business sent from the WhatsApp Business app on a number shared
// with the Cloud API (coexistence). The contact is the recipient.
export function whatsappEchoEvent(item: unknown, phoneNumberId: string | undefined): NormalisedEvent {
  const echo = object(item) ?? {};
  const id = string(echo.id);
  const to = string(echo.to);
  const timestamp = metaTimestamp(echo.timestamp);
  const content = whatsappContent(echo);
  const context = compactContext({ phoneNumberId, ...content.context });
  return {
    dedupeKey: id ?? unknownEvent(echo, "").dedupeKey,
    kind: "echo",
    ...(to ? { contact: { externalId: to } } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(content.message ? { message: content.message } : { note: content.note }),
    ...(context ? { context } : {}),
  };
}
