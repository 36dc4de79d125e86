import type { ChannelType } from "@/flows-runtime";
import { env } from "../env.js";

export type ChannelHandle = {
  // What the entry-point form asks for when the channel's credentials do not say it.
  label: string;
  placeholder: string;
  // From the channel's credentials or config, when they hold it.
  known: string | null;
  // False where no handle is needed (WeChat: the QR comes from WeChat's API).
  needed: boolean;
};

const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

// The public identifier each channel's links are built on. Credentials hold it for some channels
// (Messenger page id, Telegram bot username, Twilio From number); the others are asked for once per
// entry point.
export function channelHandle(type: ChannelType, credentials: Record<string, unknown> | null, config: Record<string, unknown>): ChannelHandle {
  const c = credentials ?? {};
  switch (type) {
    case "whatsapp":
      return { label: "WhatsApp number", placeholder: "+81 90 1234 5678", known: str(config.displayPhoneNumber) ?? str(config.phoneNumber), needed: true };
    case "messenger":
      return { label: "Facebook Page username or id", placeholder: "kaiwa.shop", known: str(config.pageUsername) ?? str(c.pageId), needed: true };
    case "instagram":
      return { label: "Instagram username", placeholder: "kaiwa.shop", known: str(config.instagramUsername), needed: true };
    case "telegram":
      return { label: "Bot username", placeholder: "kaiwa_shop_bot", known: str(c.botUsername), needed: true };
    case "line":
      return { label: "LINE basic id", placeholder: "@123abcde", known: str(config.basicId), needed: true };
    case "viber":
      return { label: "Viber chat URI", placeholder: "kaiwashop", known: str(config.chatUri), needed: true };
    case "wechat":
      return { label: "", placeholder: "", known: null, needed: false };
    case "sms": {
      const from = str(c.from);
      return { label: "SMS number", placeholder: "+14155550100", known: from && from.startsWith("+") ? from : null, needed: true };
    }
    case "webchat":
      return { label: "Page with the chat widget", placeholder: "https://example.com/contact", known: `${env().KAIWA_PUBLIC_URL.replace(/\/+$/, "")}/demo`, needed: true };
  }
}
