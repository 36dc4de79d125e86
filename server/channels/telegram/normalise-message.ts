import type { InboundMessage } from "@/flows-runtime";
import type { NormalisedEvent } from "../channel-adapter";
import { idOf, isObj, profileName } from "./telegram-fields";

type Obj = Record<string, unknown>;

// `/start <param>` from t.me/<bot>?start=<param>; `/start@Bot <param>` in groups.
const startCommand = /^\/start(?:@[A-Za-z0-9_]+)?(?:\s+(\S+))?\s*$/;

// A message or an edited message. Media arrive as Telegram file ids (context.mediaId): the file itself
// needs a getFile call with the bot token, which the pipeline does only if a flow keeps the file.
export function normaliseTelegramMessage(dedupeKey: string, message: Obj, edited: boolean): NormalisedEvent {
  const chat = isObj(message.chat) ? message.chat : {};
  const from = isObj(message.from) ? message.from : {};
  const contactId = idOf(chat.id) ?? idOf(from.id);
  const context: Record<string, string> = {};
  if (typeof message.message_id === "number") context.messageId = String(message.message_id);
  if (typeof chat.type === "string") context.chatType = chat.type;
  if (edited) context.edited = "true";
  const date = edited && typeof message.edit_date === "number" ? message.edit_date : message.date;
  const base = {
    dedupeKey,
    contact: contactId ? { externalId: contactId, profileName: profileName(from) } : undefined,
    timestamp: typeof date === "number" ? date * 1000 : undefined,
  };

  const content = messageContent(message, context);
  if (!content) {
    const type = Object.keys(message).find((key) => !knownKeys.has(key)) ?? "empty";
    return { ...base, kind: "unknown", context, note: `Telegram message of type "${type}" is not handled` };
  }
  const start = typeof content.text === "string" && !edited ? startCommand.exec(content.text) : null;
  return { ...base, kind: "message", message: content, context, ...(start?.[1] ? { ref: start[1] } : {}) };
}

function messageContent(message: Obj, context: Record<string, string>): InboundMessage | undefined {
  const caption = typeof message.caption === "string" ? { text: message.caption } : {};
  if (typeof message.text === "string") return { text: message.text };
  if (Array.isArray(message.photo) && message.photo.length > 0) {
    // Sizes come smallest first; the last is the original.
    const largest = message.photo[message.photo.length - 1];
    if (isObj(largest) && typeof largest.file_id === "string") context.mediaId = largest.file_id;
    return { ...caption, media: { kind: "image", mimeType: "image/jpeg" } };
  }
  for (const [field, kind] of mediaFields) {
    const file = message[field];
    if (!isObj(file)) continue;
    if (typeof file.file_id === "string") context.mediaId = file.file_id;
    if (typeof file.file_name === "string") context.fileName = file.file_name;
    const mimeType = typeof file.mime_type === "string" ? { mimeType: file.mime_type } : {};
    return { ...caption, media: { kind, ...mimeType } };
  }
  if (isObj(message.location)) {
    const venue = isObj(message.venue) && typeof message.venue.title === "string" ? { name: message.venue.title } : {};
    const { latitude, longitude } = message.location;
    if (typeof latitude === "number" && typeof longitude === "number") return { location: { latitude, longitude, ...venue } };
  }
  if (isObj(message.contact) && typeof message.contact.phone_number === "string") {
    // A shared contact card (request_contact button): the number is what a flow asking for it wants.
    context.contactPhone = message.contact.phone_number;
    return { text: message.contact.phone_number };
  }
  return undefined;
}

// A GIF carries both `animation` and `document`: animation is checked first.
const mediaFields = [
  ["animation", "video"],
  ["document", "file"],
  ["video", "video"],
  ["audio", "audio"],
  ["voice", "audio"],
  ["video_note", "video"],
  ["sticker", "sticker"],
] as const;

const knownKeys = new Set(["message_id", "from", "chat", "date", "edit_date", "sender_chat", "message_thread_id", "reply_to_message", "entities", "caption_entities", "forward_origin", "is_topic_message", "via_bot", "author_signature", "has_protected_content"]);
