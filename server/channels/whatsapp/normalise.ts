import type { AdapterChannel, NormalisedEvent, RawWebhook } from "../channel-adapter";
import { jsonReader, type JsonObject } from "../meta/json-reader";
import { parseMetaBody } from "../meta/parse-meta-body";
import { unknownEvent } from "../meta/unknown-event";
import type { WhatsappCredentials } from "./credentials";
import { whatsappEchoEvent } from "./whatsapp-echo-event";
import { whatsappMessageEvent } from "./whatsapp-message-event";
import { readWhatsappRefConfig, type WhatsappRefConfig } from "./whatsapp-ref-config";
import { whatsappStatusEvent } from "./whatsapp-status-event";

const { object, string, array } = jsonReader;

// `{ object: "whatsapp_business_account", entry: [{ changes: [{ field, value }] }] }`: every message,
// status and echo of every change of every entry.
export function normaliseWhatsapp(request: RawWebhook, channel: AdapterChannel<WhatsappCredentials>): NormalisedEvent[] {
  const refConfig = readWhatsappRefConfig(channel.config);
  return parseMetaBody(request.rawBody, "whatsapp_business_account").flatMap((entry) => {
    const changes = array(entry.changes);
    if (changes.length === 0) return [unknownEvent(entry, "WhatsApp entry without changes.")];
    return changes.flatMap((change) => changeEvents(object(change) ?? {}, channel.credentials.phoneNumberId, refConfig));
  });
}

function changeEvents(change: JsonObject, phoneNumberId: string, refConfig: WhatsappRefConfig): NormalisedEvent[] {
  const field = string(change.field) ?? "?";
  if (field !== "messages" && field !== "smb_message_echoes") {
    return [unknownEvent(change, `WhatsApp "${field.slice(0, 60)}" update, not a message.`)];
  }
  const value = object(change.value) ?? {};
  const numberId = string(object(value.metadata)?.phone_number_id);
  // One app's webhook receives every number of every business it serves: never answer from the wrong one.
  if (numberId && numberId !== phoneNumberId) {
    return [unknownEvent(change, `WhatsApp event for phone number id ${numberId}, not this channel's ${phoneNumberId}.`)];
  }
  const scope = { profileNames: profileNamesOf(value), refConfig, phoneNumberId: numberId };
  const events = [
    ...array(value.messages).map((message) => whatsappMessageEvent(message, scope)),
    ...array(value.statuses).map(whatsappStatusEvent),
    ...array(value.message_echoes).map((echo) => whatsappEchoEvent(echo, numberId)),
    ...array(value.errors).map((error) => {
      const e = object(error) ?? {};
      return unknownEvent(e, `WhatsApp error ${string(e.code) ?? "?"}: ${(string(e.title) ?? string(e.message) ?? "").slice(0, 120)}`);
    }),
  ];
  return events.length > 0 ? events : [unknownEvent(change, `WhatsApp "${field}" change without messages or statuses.`)];
}

function profileNamesOf(value: JsonObject): Map<string, string> {
  const names = new Map<string, string>();
  for (const contact of jsonReader.array(value.contacts)) {
    const waId = string(object(contact)?.wa_id);
    const name = string(object(object(contact)?.profile)?.name);
    if (waId && name) names.set(waId, name);
  }
  return names;
}
