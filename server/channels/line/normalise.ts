import type { InboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channel-adapter";

type Obj = Record<string, unknown>;

// `{ destination, events: [...] }`, every event processed; `events: []` is LINE's webhook check.
// Events that can be answered carry a replyToken (single use, about a minute): context.replyToken with
// the event time in context.replyTokenAt lets send() reply when it is still fresh and push otherwise.
export function normaliseLine(request: RawWebhook): NormalisedEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    throw new MalformedWebhookError("LINE webhook body is not JSON");
  }
  if (!isObj(body) || !Array.isArray(body.events)) throw new MalformedWebhookError("LINE webhook body has no events array");
  return body.events.map((event, index) => normaliseEvent(isObj(event) ? event : {}, index));
}

function normaliseEvent(event: Obj, index: number): NormalisedEvent {
  const type = typeof event.type === "string" ? event.type : "missing";
  const timestamp = typeof event.timestamp === "number" ? event.timestamp : undefined;
  const source = isObj(event.source) ? event.source : {};
  const contactId = str(source.userId) ?? str(source.groupId) ?? str(source.roomId);
  const message = isObj(event.message) ? event.message : undefined;
  // webhookEventId is unique per event and kept on redelivery; older payloads lack it.
  const dedupeKey = str(event.webhookEventId) ?? `${type}:${str(message?.id) ?? `${contactId}:${timestamp}:${index}`}`;
  const context = contextOf(event, source, timestamp);
  const base = { dedupeKey, ...(contactId ? { contact: { externalId: contactId } } : {}), ...(timestamp !== undefined ? { timestamp } : {}) };

  if (type === "message" && message) {
    const content = messageContent(message, context);
    if (content) return { ...base, kind: "message", message: content, context };
    return { ...base, kind: "unknown", context, note: `LINE message of type "${String(message.type)}" is not handled` };
  }
  if (type === "postback" && isObj(event.postback) && typeof event.postback.data === "string") {
    return { ...base, kind: "message", message: { payload: event.postback.data }, context };
  }
  if (type === "follow") {
    const follow = isObj(event.follow) ? event.follow : {};
    return { ...base, kind: "follow", context: { ...context, isUnblocked: String(follow.isUnblocked === true) } };
  }
  if (type === "unfollow") return { ...base, kind: "unfollow", context };
  return { ...base, kind: "unknown", context, note: `LINE event "${type}" is not handled` };
}

// What send() and the pipeline may need later: the reply token and when it was issued, whether this is
// a redelivery (its token has likely expired), and the group or room for non-user sources.
function contextOf(event: Obj, source: Obj, timestamp: number | undefined): Record<string, string> {
  const context: Record<string, string> = {};
  const replyToken = str(event.replyToken);
  if (replyToken) {
    context.replyToken = replyToken;
    if (timestamp !== undefined) context.replyTokenAt = String(timestamp);
  }
  if (isObj(event.deliveryContext) && event.deliveryContext.isRedelivery === true) context.isRedelivery = "true";
  if (typeof source.type === "string" && source.type !== "user") context.sourceType = source.type;
  if (event.mode === "standby") context.mode = "standby";
  return context;
}

const mediaKinds = { image: "image", video: "video", audio: "audio", file: "file" } as const;

function messageContent(message: Obj, context: Record<string, string>): InboundMessage | undefined {
  const id = str(message.id);
  if (id) context.messageId = id;
  if (message.type === "text" && typeof message.text === "string") return { text: message.text };
  if (typeof message.type === "string" && message.type in mediaKinds) {
    const kind = mediaKinds[message.type as keyof typeof mediaKinds];
    // Content sent by the contact is fetched by message id (GET api-data.line.me/v2/bot/message/<id>/content);
    // only content the LINE app took from an external provider has a URL.
    if (id) context.mediaId = id;
    if (typeof message.fileName === "string") context.fileName = message.fileName;
    const provider = isObj(message.contentProvider) ? message.contentProvider : {};
    const url = provider.type === "external" ? str(provider.originalContentUrl) : undefined;
    return { media: { kind, ...(url ? { url } : {}) } };
  }
  if (message.type === "location" && typeof message.latitude === "number" && typeof message.longitude === "number") {
    const name = str(message.title) ?? str(message.address);
    return { location: { latitude: message.latitude, longitude: message.longitude, ...(name ? { name } : {}) } };
  }
  if (message.type === "sticker") {
    if (str(message.packageId)) context.packageId = String(message.packageId);
    if (str(message.stickerId)) context.stickerId = String(message.stickerId);
    return { media: { kind: "sticker" } };
  }
  return undefined;
}

function str(value: unknown): string | undefined {
  return (typeof value === "string" && value) || typeof value === "number" ? String(value) : undefined;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
