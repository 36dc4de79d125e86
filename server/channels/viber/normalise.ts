import type { InboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channel-adapter";
import { parseViberJson } from "./parse-viber-json";

type Obj = Record<string, unknown>;

const statuses = { delivered: "delivered", seen: "read", failed: "failed" } as const;

// One callback per request, keyed by `event`. message_token (a string, see parseViberJson) is the
// dedupe key; statuses add the status since delivered and seen share the message's token.
export function normaliseViber(request: RawWebhook): NormalisedEvent[] {
  let body: unknown;
  try {
    body = parseViberJson(request.rawBody);
  } catch {
    throw new MalformedWebhookError("Viber callback body is not JSON");
  }
  if (!isObj(body) || typeof body.event !== "string") throw new MalformedWebhookError("Viber callback has no event");
  const event = body.event;
  if (event === "webhook") return [];
  const token = str(body.message_token);
  const timestamp = typeof body.timestamp === "number" ? body.timestamp : undefined;
  const base = { dedupeKey: token ?? `${event}:${timestamp}:${userIdOf(body)}`, ...(timestamp !== undefined ? { timestamp } : {}) };
  const contact = contactOf(body);

  if (event === "message" && isObj(body.message)) {
    const context: Record<string, string> = {};
    const content = messageContent(body.message, context);
    if (typeof body.message.tracking_data === "string" && body.message.tracking_data) context.trackingData = body.message.tracking_data;
    if (content) return [{ ...base, kind: "message", contact, message: content, context }];
    return [{ ...base, kind: "unknown", contact, note: `Viber message of type "${String(body.message.type)}" is not handled` }];
  }
  if (event === "conversation_started") return [conversationStarted(body, base, contact)];
  if (event === "subscribed") return [{ ...base, kind: "follow", contact }];
  if (event === "unsubscribed") return [{ ...base, kind: "unfollow", contact }];
  if (event in statuses && token) {
    const status = statuses[event as keyof typeof statuses];
    const error = str(body.desc);
    return [{ ...base, dedupeKey: `${token}:${status}`, kind: "status", contact, status: { externalMessageId: token, status, ...(error ? { error } : {}) } }];
  }
  return [{ ...base, kind: "unknown", contact, note: `Viber event "${event}" is not handled` }];
}

// The contact opened the chat (viber://pa?chatURI=<uri>&context=<param>). They may not be subscribed
// yet: Viber then accepts exactly one "welcome" message, and only as the body of our 200 answer to this
// callback, not through send_message (not done here; see the report). context.subscribed tells the
// pipeline whether ordinary sends will be accepted.
function conversationStarted(body: Obj, base: { dedupeKey: string; timestamp?: number }, contact: NormalisedEvent["contact"]): NormalisedEvent {
  const context: Record<string, string> = { subscribed: String(body.subscribed === true) };
  if (typeof body.type === "string") context.conversationType = body.type;
  const ref = str(body.context);
  if (ref) return { ...base, kind: "referral", contact, ref, context };
  return { ...base, kind: "unknown", contact, context, note: "Viber conversation opened without a deep-link context" };
}

function messageContent(message: Obj, context: Record<string, string>): InboundMessage | undefined {
  const text = str(message.text);
  const caption = text ? { text } : {};
  const media = str(message.media);
  switch (message.type) {
    case "text":
      // A keyboard `reply` button also arrives here, as text equal to its ActionBody (our payload).
      return text ? { text } : undefined;
    case "picture":
      return { ...caption, media: { kind: "image", ...(media ? { url: media } : {}) } };
    case "video":
      return { ...caption, media: { kind: "video", ...(media ? { url: media } : {}) } };
    case "file":
      if (str(message.file_name)) context.fileName = String(message.file_name);
      return { media: { kind: "file", ...(media ? { url: media } : {}) } };
    case "sticker":
      if (str(message.sticker_id)) context.stickerId = String(message.sticker_id);
      return { media: { kind: "sticker", ...(media ? { url: media } : {}) } };
    case "location": {
      const location = isObj(message.location) ? message.location : {};
      if (typeof location.lat !== "number" || typeof location.lon !== "number") return undefined;
      const name = str(location.address);
      return { location: { latitude: location.lat, longitude: location.lon, ...(name ? { name } : {}) } };
    }
    case "contact": {
      // A shared contact card: its number is what a flow asking for a phone number wants.
      const card = isObj(message.contact) ? message.contact : {};
      const phone = str(card.phone_number);
      if (!phone) return undefined;
      context.contactPhone = phone;
      if (str(card.name)) context.contactName = String(card.name);
      return { text: phone };
    }
    case "url":
      return media ? { text: media } : undefined;
    default:
      return undefined;
  }
}

// message and conversation_started carry `sender`/`user` objects; the others only `user_id`.
function contactOf(body: Obj): NormalisedEvent["contact"] {
  const user = isObj(body.sender) ? body.sender : isObj(body.user) ? body.user : undefined;
  const id = str(user?.id) ?? str(body.user_id);
  if (!id) return undefined;
  const name = str(user?.name);
  return { externalId: id, ...(name ? { profileName: name } : {}) };
}

function userIdOf(body: Obj): string {
  return contactOf(body)?.externalId ?? "anonymous";
}

function str(value: unknown): string | undefined {
  return (typeof value === "string" && value) || typeof value === "number" ? String(value) : undefined;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
