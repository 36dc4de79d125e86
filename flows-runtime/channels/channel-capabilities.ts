import { z } from "zod";
import type { ChannelType } from "./channel-type";
import { countUnitSchema } from "./measure-text";
import { outboundMediaSchema } from "./outbound-message";

const limitSchema = z.object({ max: z.number().int().positive(), unit: countUnitSchema });
export type Limit = z.infer<typeof limitSchema>;

export const channelCapabilitiesSchema = z.object({
  displayName: z.string(),
  // One plain text message; longer text is split into several.
  text: limitSchema,
  // Tappable buttons under a text (WhatsApp reply buttons, Telegram inline keyboard, Viber keyboard).
  replyButtons: z
    .object({
      name: z.string(),
      max: z.number().int().positive(),
      body: limitSchema,
      label: limitSchema,
      payload: limitSchema.nullable(),
    })
    .nullable(),
  // A menu that opens to rows (WhatsApp list, WeChat msgmenu): used when there are too many buttons.
  list: z
    .object({
      name: z.string(),
      maxRows: z.number().int().positive(),
      body: limitSchema,
      rowTitle: limitSchema,
      rowDescription: limitSchema.nullable(),
      buttonLabel: limitSchema.nullable(),
      payload: limitSchema.nullable(),
    })
    .nullable(),
  // Chips that disappear after a tap (Messenger, Instagram, LINE).
  quickReplies: z
    .object({
      name: z.string(),
      max: z.number().int().positive(),
      body: limitSchema,
      label: limitSchema,
      payload: limitSchema.nullable(),
      hiddenOnDesktop: z.boolean(),
    })
    .nullable(),
  // Media kinds sent natively; any other kind goes out as a link in the text.
  media: z
    .object({ kinds: z.array(outboundMediaSchema.shape.kind), caption: limitSchema.nullable() })
    .nullable(),
  // SMS has no buttons at all: choices are always "1. Yes" lines and the contact replies with the number.
  numberedTextChoices: z.boolean(),
  // Every platform but web chat needs some text above buttons.
  requiresPromptText: z.boolean(),
  // Free-form messages are allowed this long after the contact's last message; null means no window.
  messagingWindowHours: z.number().int().positive().nullable(),
  // Messages the platform accepts for one interaction before further ones are refused (null: no cap).
  maxMessagesPerReply: z.number().int().positive().nullable(),
});
export type ChannelCapabilities = z.infer<typeof channelCapabilitiesSchema>;

const unlimited = Number.MAX_SAFE_INTEGER;
const lim = (max: number, unit: Limit["unit"]): Limit => ({ max, unit });

// Limits from /work/shared/CHANNELS.md and the platforms' references. Text limits are counted in the
// stricter unit where the platform does not say (UTF-16 counts an emoji as 2, so a message that fits
// also fits a code-point or character count); labels a contact reads are cut on grapheme boundaries.
export const channelCapabilities: Record<ChannelType, ChannelCapabilities> = {
  whatsapp: {
    displayName: "WhatsApp",
    text: lim(4096, "utf16"),
    // Meta rejects the whole message when a title is over; it counts code points (courier, botonic cut by
    // rune/char), so a ZWJ family emoji costs 7 here. Reply ids ≤ 256, list row ids ≤ 200.
    replyButtons: { name: "reply buttons", max: 3, body: lim(1024, "utf16"), label: lim(20, "codepoints"), payload: lim(256, "utf16") },
    list: {
      name: "list",
      maxRows: 10,
      body: lim(1024, "utf16"),
      rowTitle: lim(24, "codepoints"),
      rowDescription: lim(72, "codepoints"),
      buttonLabel: lim(20, "codepoints"),
      payload: lim(200, "utf16"),
    },
    quickReplies: null,
    media: { kinds: ["image", "file", "video", "audio"], caption: lim(1024, "utf16") },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: 24,
    maxMessagesPerReply: null,
  },
  messenger: {
    displayName: "Messenger",
    // (check) documented as "2000 characters"; UTF-16 is the safe reading.
    text: lim(2000, "utf16"),
    replyButtons: null,
    list: null,
    // Meta truncates titles over 20 itself; we cut first so the builder preview shows what arrives.
    quickReplies: { name: "quick replies", max: 13, body: lim(2000, "utf16"), label: lim(20, "graphemes"), payload: lim(1000, "utf16"), hiddenOnDesktop: false },
    media: { kinds: ["image", "file", "video", "audio"], caption: null },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: 24,
    maxMessagesPerReply: null,
  },
  instagram: {
    displayName: "Instagram",
    // Instagram's Send API takes at most 1000 bytes of UTF-8 text (Japanese is 3 bytes a character).
    text: lim(1000, "bytes"),
    replyButtons: null,
    list: null,
    quickReplies: { name: "quick replies", max: 13, body: lim(1000, "bytes"), label: lim(20, "graphemes"), payload: lim(1000, "utf16"), hiddenOnDesktop: true },
    // (check) files (PDF) are not in every Instagram API version; they go out as links.
    media: { kinds: ["image", "video", "audio"], caption: null },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: 24,
    maxMessagesPerReply: null,
  },
  telegram: {
    displayName: "Telegram",
    text: lim(4096, "utf16"),
    // (check) Telegram documents no cap on inline keyboard buttons; ~100 is the observed limit. Button
    // text has no documented limit either (clients ellipsise), so labels are left whole.
    replyButtons: { name: "buttons", max: 100, body: lim(4096, "utf16"), label: lim(unlimited, "utf16"), payload: lim(64, "bytes") },
    list: null,
    quickReplies: null,
    media: { kinds: ["image", "file", "video", "audio"], caption: lim(1024, "utf16") },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: null,
    maxMessagesPerReply: null,
  },
  line: {
    displayName: "LINE",
    // LINE counts every limit in UTF-16 code units.
    text: lim(5000, "utf16"),
    replyButtons: null,
    list: null,
    // Quick replies show on LINE for iOS and Android only, not on LINE for PC.
    quickReplies: { name: "quick replies", max: 13, body: lim(5000, "utf16"), label: lim(20, "utf16"), payload: lim(300, "utf16"), hiddenOnDesktop: true },
    // Video needs a preview image and audio a duration, which a flow does not have; files have no message type.
    media: { kinds: ["image"], caption: null },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: null,
    maxMessagesPerReply: 5,
  },
  viber: {
    displayName: "Viber",
    text: lim(7000, "utf16"),
    // (check) a keyboard holds up to 24 buttons of Columns × Rows; button Text is up to 250 characters.
    replyButtons: { name: "keyboard buttons", max: 24, body: lim(7000, "utf16"), label: lim(250, "utf16"), payload: null },
    list: null,
    quickReplies: null,
    // Video and file messages need the file size in bytes, which a flow does not have: they go as links.
    media: { kinds: ["image"], caption: lim(768, "utf16") },
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: null,
    maxMessagesPerReply: null,
  },
  wechat: {
    displayName: "WeChat",
    // (check) no published limit for customer-service text; 2048 bytes is the passive-reply limit.
    text: lim(2048, "bytes"),
    replyButtons: null,
    // (check) msgmenu limits are unpublished; 10 rows keeps the menu readable.
    list: { name: "menu", maxRows: 10, body: lim(2048, "bytes"), rowTitle: lim(unlimited, "utf16"), rowDescription: null, buttonLabel: null, payload: lim(64, "bytes") },
    quickReplies: null,
    // Customer-service media needs a media_id uploaded first, not a URL: media goes as a link.
    media: null,
    numberedTextChoices: false,
    requiresPromptText: true,
    messagingWindowHours: 48,
    maxMessagesPerReply: 5,
  },
  sms: {
    displayName: "SMS",
    // Twilio's Body limit; carriers bill per 160 GSM-7 / 70 UCS-2 segment (countSmsSegments).
    text: lim(1600, "utf16"),
    replyButtons: null,
    list: null,
    quickReplies: null,
    // MMS works in the US and Canada only; everywhere else a link is what arrives.
    media: null,
    numberedTextChoices: true,
    requiresPromptText: true,
    messagingWindowHours: null,
    maxMessagesPerReply: null,
  },
  webchat: {
    displayName: "web chat",
    text: lim(unlimited, "utf16"),
    replyButtons: { name: "buttons", max: unlimited, body: lim(unlimited, "utf16"), label: lim(unlimited, "utf16"), payload: null },
    list: null,
    quickReplies: null,
    media: { kinds: ["image", "file", "video", "audio"], caption: lim(unlimited, "utf16") },
    numberedTextChoices: false,
    requiresPromptText: false,
    messagingWindowHours: null,
    maxMessagesPerReply: null,
  },
};
