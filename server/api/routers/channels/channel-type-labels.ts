import type { ChannelType } from "@/flows-runtime";

// Pure data: the Channels page imports it too.
export const channelTypeLabels: Record<ChannelType, string> = {
  whatsapp: "WhatsApp Cloud API",
  messenger: "Messenger",
  instagram: "Instagram",
  telegram: "Telegram",
  line: "LINE",
  viber: "Viber",
  wechat: "WeChat Official Account",
  sms: "Twilio SMS",
  webchat: "Web chat",
};
