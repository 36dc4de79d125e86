import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

const mediaMethods = { image: "photo", file: "document", video: "video", audio: "audio" } as const;

// Bot API bodies; the sender adds `chat_id` and posts each to telegramMethodFor(payload).
// One button per keyboard row: labels stay readable and a long list scrolls.
export const renderTelegram: ChannelRenderer = (parts) => ({
  payloads: mapParts<object>(parts, {
    text: ({ text }) => ({ text }),
    numbered_text: ({ text }) => ({ text }),
    media: ({ media, caption }) => ({ [mediaMethods[media.kind]]: media.url, ...(caption ? { caption } : {}) }),
    buttons: ({ text, buttons }) => ({
      text,
      reply_markup: { inline_keyboard: buttons.map((b) => [{ text: b.label, callback_data: b.payload }]) },
    }),
    list: notOnChannel("Telegram"),
    quick_replies: notOnChannel("Telegram"),
  }),
  degraded: [],
});

// Which Bot API method a rendered payload goes to: sendMessage unless it carries a media field.
export function telegramMethodFor(payload: object): "sendMessage" | "sendPhoto" | "sendDocument" | "sendVideo" | "sendAudio" {
  if ("photo" in payload) return "sendPhoto";
  if ("document" in payload) return "sendDocument";
  if ("video" in payload) return "sendVideo";
  if ("audio" in payload) return "sendAudio";
  return "sendMessage";
}
