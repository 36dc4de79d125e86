import type { NormalisedEvent } from "../channel-adapter";
import { compactContext } from "./compact-context";
import { jsonReader, type JsonObject } from "./json-reader";
import { messagingMessageEvents } from "./messaging-message-events";
import { referralContext, refOf } from "./referral-fields";
import { metaTimestamp } from "./meta-timestamp";
import { unknownEvent } from "./unknown-event";

const { object, string, array } = jsonReader;

export type MessagingEnvelope = { sender?: string; recipient?: string; timestamp?: number };

// One `entry[].messaging[]` item (Messenger or Instagram) → events. Never throws on an unknown shape.
export function messagingEvents(item: unknown): NormalisedEvent[] {
  const event = object(item) ?? {};
  const envelope: MessagingEnvelope = {
    sender: string(object(event.sender)?.id),
    recipient: string(object(event.recipient)?.id),
    timestamp: metaTimestamp(event.timestamp),
  };
  const message = object(event.message);
  if (message) return messagingMessageEvents(message, envelope, event);
  const postback = object(event.postback);
  if (postback) return [postbackEvent(postback, envelope)];
  const referral = object(event.referral);
  if (referral) return [referralEvent(referral, envelope)];
  const delivery = object(event.delivery);
  if (delivery) return statusEvents("delivered", delivery, envelope);
  const read = object(event.read);
  if (read) return statusEvents("read", read, envelope);
  const optin = object(event.optin);
  if (optin) return [optinEvent(optin, envelope)];
  const fields = Object.keys(event).filter((key) => !["sender", "recipient", "timestamp"].includes(key));
  return [unknownEvent(event, `Event "${fields.join(", ").slice(0, 80) || "empty"}", not handled by Kaiwa.`, base(envelope))];
}

function base(envelope: MessagingEnvelope): Partial<NormalisedEvent> {
  return {
    ...(envelope.sender ? { contact: { externalId: envelope.sender } } : {}),
    ...(envelope.timestamp !== undefined ? { timestamp: envelope.timestamp } : {}),
  };
}

// A tap on a postback button, including Get Started, which carries `referral.ref` when the conversation
// was opened from m.me/<page>?ref=….
function postbackEvent(postback: JsonObject, envelope: MessagingEnvelope): NormalisedEvent {
  const referral = object(postback.referral);
  const payload = string(postback.payload);
  const title = string(postback.title);
  const mid = string(postback.mid);
  const context = compactContext({ ...referralContext(referral), pageId: envelope.recipient });
  return {
    dedupeKey: mid ?? `postback:${envelope.sender}:${envelope.timestamp}:${payload ?? ""}`,
    kind: "message",
    ...base(envelope),
    message: { ...(title ? { text: title } : {}), ...(payload ? { payload } : {}) },
    ...refOf(referral),
    ...(context ? { context } : {}),
  };
}

// m.me/<page>?ref=… (or an ad, a Messenger code) in a conversation that already exists.
function referralEvent(referral: JsonObject, envelope: MessagingEnvelope): NormalisedEvent {
  const context = compactContext({ ...referralContext(referral), pageId: envelope.recipient });
  return {
    dedupeKey: `referral:${envelope.sender}:${envelope.timestamp}:${string(referral.ref) ?? string(referral.ad_id) ?? ""}`,
    kind: "referral",
    ...base(envelope),
    ...refOf(referral),
    ...(context ? { context } : {}),
  };
}

// Messenger reads and older deliveries carry only a watermark ("everything sent before this time"): the
// status then names `watermark:<ms>`, which matches no message id, and context.watermark says up to when.
function statusEvents(status: "delivered" | "read", body: JsonObject, envelope: MessagingEnvelope): NormalisedEvent[] {
  const mids = [...array(body.mids).map(string), string(body.mid)].filter((mid): mid is string => !!mid);
  const watermark = metaTimestamp(body.watermark);
  const context = compactContext({ watermark });
  if (mids.length === 0) {
    return [
      {
        dedupeKey: `${status}:${envelope.sender}:${watermark ?? envelope.timestamp}`,
        kind: "status",
        ...base(envelope),
        status: { externalMessageId: `watermark:${watermark ?? envelope.timestamp ?? 0}`, status },
        ...(context ? { context } : {}),
      },
    ];
  }
  return mids.map((mid) => ({
    dedupeKey: `${mid}:${status}`,
    kind: "status",
    ...base(envelope),
    status: { externalMessageId: mid, status },
    ...(context ? { context } : {}),
  }));
}

// Marketing-message opt-in/out and the Send to Messenger / checkbox plugins (whose `ref` is a data-ref).
function optinEvent(optin: JsonObject, envelope: MessagingEnvelope): NormalisedEvent {
  const stopped = string(optin.notification_messages_status) === "STOP NOTIFICATIONS";
  const ref = string(optin.ref) ?? string(optin.payload);
  const context = compactContext({
    optinType: string(optin.type),
    userRef: string(optin.user_ref),
    notificationMessagesToken: string(optin.notification_messages_token),
    pageId: envelope.recipient,
  });
  return {
    dedupeKey: `optin:${envelope.sender ?? string(optin.user_ref)}:${envelope.timestamp}:${stopped ? "stop" : "start"}`,
    kind: stopped ? "unfollow" : "follow",
    ...base(envelope),
    ...(ref && !stopped ? { ref } : {}),
    ...(context ? { context } : {}),
  };
}
