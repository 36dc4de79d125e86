import type { InboundMessage } from "@/flows-runtime";
import { jsonReader, type JsonObject } from "../meta/json-reader";

const { object, string, number, array } = jsonReader;

type Media = NonNullable<InboundMessage["media"]>;
// What one WhatsApp message (or echo) says: a message Kaiwa reads, or a note saying why not.
export type WhatsappContent = { message?: InboundMessage; context?: Record<string, string | undefined>; note?: string };

const mediaKinds: Record<string, Media["kind"]> = { image: "image", video: "video", audio: "audio", document: "file", sticker: "sticker" };

// Reads `messages[]` / `message_echoes[]` by their `type`. Media arrive as ids, not URLs: the id (for
// `GET /<media-id>`) is in context.mediaId and the caption is the text.
export function whatsappContent(message: JsonObject): WhatsappContent {
  const type = string(message.type) ?? "";
  const mediaKind = mediaKinds[type];
  if (mediaKind) return mediaContent(object(message[type]) ?? {}, mediaKind);
  const read = readers[type];
  if (read) return read(message);
  const error = object(array(message.errors)[0]);
  const why = string(error?.title) ?? string(error?.message);
  return { note: `WhatsApp "${type.slice(0, 40) || "untyped"}" message${why ? `: ${why.slice(0, 120)}` : ""}, not read by flows.` };
}

const readers: Record<string, (message: JsonObject) => WhatsappContent> = {
  text: (message) => {
    const body = string(object(message.text)?.body);
    return body ? { message: { text: body } } : { note: "WhatsApp text message without a body." };
  },
  // Reply buttons and list rows we sent: the id is the choice payload, the title what the contact saw.
  interactive: (message) => {
    const interactive = object(message.interactive) ?? {};
    const reply = object(interactive.button_reply) ?? object(interactive.list_reply);
    const payload = string(reply?.id);
    if (!reply || !payload) return { note: `WhatsApp interactive "${string(interactive.type) ?? "?"}" reply, not a choice Kaiwa sent.` };
    const title = string(reply.title);
    return { message: { ...(title ? { text: title } : {}), payload } };
  },
  // A quick-reply button of an approved template.
  button: (message) => {
    const button = object(message.button) ?? {};
    const text = string(button.text);
    const payload = string(button.payload) ?? text;
    return payload ? { message: { ...(text ? { text } : {}), payload } } : { note: "WhatsApp template button without a payload." };
  },
  location: (message) => {
    const location = object(message.location) ?? {};
    const latitude = number(location.latitude);
    const longitude = number(location.longitude);
    if (latitude === undefined || longitude === undefined) return { note: "WhatsApp location without coordinates." };
    const name = string(location.name) ?? string(location.address);
    return { message: { location: { latitude, longitude, ...(name ? { name } : {}) } }, context: { address: string(location.address) } };
  },
  reaction: (message) => {
    const reaction = object(message.reaction) ?? {};
    const emoji = string(reaction.emoji);
    return { note: emoji ? `WhatsApp reaction ${emoji} to a message.` : "WhatsApp reaction removed.", context: { reactedTo: string(reaction.message_id) } };
  },
  contacts: () => ({ note: "WhatsApp contact card shared, not read by flows." }),
  system: (message) => ({ note: `WhatsApp system message: ${(string(object(message.system)?.body) ?? "").slice(0, 120)}` }),
};

function mediaContent(media: JsonObject, kind: Media["kind"]): WhatsappContent {
  const caption = string(media.caption);
  const mimeType = string(media.mime_type);
  return {
    message: { ...(caption ? { text: caption } : {}), media: { kind, ...(mimeType ? { mimeType } : {}) } },
    context: {
      mediaId: string(media.id),
      filename: string(media.filename),
      voice: media.voice === true ? "true" : undefined,
    },
  };
}
