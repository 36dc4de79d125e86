import type { ChannelType } from "@/flows-runtime";

export { channelTypeLabels } from "@/server/api/routers/channels/channel-type-labels";

// What the "Connect a channel" dialog says about each platform, and the API it calls unless the
// channel overrides the base URL.
export const channelCatalogue: Record<ChannelType, { blurb: string; apiBase: string | null; docs: string }> = {
  whatsapp: {
    blurb: "Your WhatsApp Business number through Meta's Cloud API.",
    apiBase: "https://graph.facebook.com",
    docs: "https://developers.facebook.com/docs/whatsapp/cloud-api/get-started",
  },
  messenger: {
    blurb: "Messages to your Facebook Page.",
    apiBase: "https://graph.facebook.com",
    docs: "https://developers.facebook.com/docs/messenger-platform/webhooks",
  },
  instagram: {
    blurb: "Direct messages to your Instagram professional account.",
    apiBase: "https://graph.facebook.com",
    docs: "https://developers.facebook.com/docs/instagram-platform/webhooks",
  },
  telegram: {
    blurb: "A Telegram bot made with @BotFather.",
    apiBase: "https://api.telegram.org",
    docs: "https://core.telegram.org/bots/api#setwebhook",
  },
  line: {
    blurb: "A LINE Official Account with the Messaging API.",
    apiBase: "https://api.line.me",
    docs: "https://developers.line.biz/en/docs/messaging-api/receiving-messages/",
  },
  viber: {
    blurb: "A Viber bot from the Viber Admin Panel.",
    apiBase: "https://chatapi.viber.com",
    docs: "https://developers.viber.com/docs/api/rest-bot-api/#webhooks",
  },
  wechat: {
    blurb: "A WeChat Official Account (service account).",
    apiBase: "https://api.weixin.qq.com",
    docs: "https://developers.weixin.qq.com/doc/offiaccount/en/Basic_Information/Access_Overview.html",
  },
  sms: {
    blurb: "Text messages to a Twilio phone number.",
    apiBase: "https://api.twilio.com",
    docs: "https://www.twilio.com/docs/messaging/guides/webhook-request",
  },
  webchat: {
    blurb: "A chat widget on your own website.",
    apiBase: null,
    docs: "/demo",
  },
};
