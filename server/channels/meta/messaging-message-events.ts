import type { InboundMessage } from "@/flows-runtime";
import type { NormalisedEvent } from "../channel-adapter";
import { compactContext } from "./compact-context";
import { jsonReader, type JsonObject } from "./json-reader";
import type { MessagingEnvelope } from "./messaging-events";
import { referralContext, refOf } from "./referral-fields";
import { unknownEvent } from "./unknown-event";

const { object, string, number, array } = jsonReader;

type Media = NonNullable<InboundMessage["media"]>;
// Instagram shares (a post, a reel) arrive as attachments with a CDN url; they are media the contact sent.
const mediaKinds: Record<string, Media["kind"]> = {
  image: "image",
  video: "video",
  audio: "audio",
  file: "file",
  share: "image",
  ig_post: "image",
  ig_reel: "video",
  reel: "video",
};

// A `messaging[].message`: text, quick-reply tap, attachments, or an echo of what the Page sent. A message
// with several attachments becomes one event per attachment (`<mid>`, `<mid>#2`…) so none is dropped.
export function messagingMessageEvents(message: JsonObject, envelope: MessagingEnvelope, event: JsonObject): NormalisedEvent[] {
  const mid = string(message.mid);
  const echo = message.is_echo === true;
  // An echo is the Page talking: its contact is the recipient.
  const contactId = echo ? envelope.recipient : envelope.sender;
  const common: Partial<NormalisedEvent> = {
    ...(contactId ? { contact: { externalId: contactId } } : {}),
    ...(envelope.timestamp !== undefined ? { timestamp: envelope.timestamp } : {}),
  };
  if (message.is_deleted === true) return [unknownEvent(event, "The contact deleted a message.", common)];
  if (message.is_unsupported === true) return [unknownEvent(event, "A message type the API does not deliver.", common)];

  const referral = object(message.referral);
  const context = compactContext({
    pageId: echo ? envelope.sender : envelope.recipient,
    replyTo: string(object(message.reply_to)?.mid),
    replyToStory: string(object(object(message.reply_to)?.story)?.id),
    // Echo of a message our app sent (app_id = ours) vs one a person typed in the Page inbox.
    appId: echo ? string(message.app_id) : undefined,
    metadata: echo ? string(message.metadata) : undefined,
    ...referralContext(referral),
  });
  const parts = contentParts(message);
  if (parts.length === 0) {
    const types = array(message.attachments).map((a) => string(object(a)?.type) ?? "?");
    return [unknownEvent(event, `A message with nothing Kaiwa reads${types.length ? ` (attachments: ${types.join(", ").slice(0, 60)})` : ""}.`, common)];
  }
  return parts.map((content, index) => ({
    dedupeKey: index === 0 ? (mid ?? `message:${contactId}:${envelope.timestamp}`) : `${mid}#${index + 1}`,
    kind: echo ? "echo" : "message",
    ...common,
    message: content,
    ...(index === 0 && !echo ? refOf(referral) : {}),
    ...(context ? { context } : {}),
  }));
}

// The text (with its quick-reply payload) and the first attachment share one message; further
// attachments follow as messages of their own.
function contentParts(message: JsonObject): InboundMessage[] {
  const text = string(message.text);
  const payload = string(object(message.quick_reply)?.payload);
  const sticker = string(message.sticker_id);
  const attachments = array(message.attachments)
    .map((a) => attachmentContent(object(a) ?? {}, sticker))
    .filter((c): c is InboundMessage => c !== undefined);
  const head: InboundMessage = { ...(text ? { text } : {}), ...(payload ? { payload } : {}), ...attachments[0] };
  const rest = attachments.slice(1);
  return Object.keys(head).length > 0 ? [head, ...rest] : rest;
}

function attachmentContent(attachment: JsonObject, stickerId: string | undefined): InboundMessage | undefined {
  const type = string(attachment.type) ?? "";
  const payload = object(attachment.payload) ?? {};
  const url = string(payload.url);
  if (type === "location") {
    const coordinates = object(payload.coordinates) ?? {};
    const latitude = number(coordinates.lat);
    const longitude = number(coordinates.long);
    const name = string(attachment.title);
    return latitude !== undefined && longitude !== undefined ? { location: { latitude, longitude, ...(name ? { name } : {}) } } : undefined;
  }
  // A shared link: the contact sent a URL, which is text to a flow.
  if (type === "fallback") return url ? { text: url } : undefined;
  const kind = stickerId || payload.sticker_id !== undefined ? "sticker" : mediaKinds[type];
  if (!kind) return undefined;
  return { media: { kind, ...(url ? { url } : {}) } };
}
