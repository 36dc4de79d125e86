import type { ChannelType } from "@/flows-runtime";

export type FieldHelp = { label: string; help?: string; placeholder?: string };

// Where each value lives on the platform, by the field names the adapters use. A field an adapter adds
// later without an entry here still appears in the form, labelled from its name.
const metaApp =
  "Meta for Developers → your app → App settings → Basic → App secret (signs every webhook).";
const metaVerify = "Any string you choose; paste the same value as the Verify token in the app's Webhooks settings.";

export const channelFieldHelp: Record<ChannelType, Record<string, FieldHelp>> = {
  whatsapp: {
    accessToken: { label: "Access token", help: "A permanent System User token (Business settings → System users) with whatsapp_business_messaging." },
    phoneNumberId: { label: "Phone number ID", help: "WhatsApp → API setup → Phone number ID (not the phone number itself).", placeholder: "106540352242922" },
    businessAccountId: { label: "WhatsApp Business Account ID", help: "WhatsApp → API setup → WhatsApp Business Account ID." },
    wabaId: { label: "WhatsApp Business Account ID", help: "WhatsApp → API setup → WhatsApp Business Account ID." },
    appSecret: { label: "App secret", help: metaApp },
    verifyToken: { label: "Verify token", help: metaVerify },
    apiVersion: { label: "Graph API version", help: "For example v21.0; leave as is unless Meta asks you to upgrade." },
  },
  messenger: {
    pageAccessToken: { label: "Page access token", help: "Messenger → Settings → Access tokens → Generate for your Page." },
    accessToken: { label: "Page access token", help: "Messenger → Settings → Access tokens → Generate for your Page." },
    pageId: { label: "Page ID", help: "Your Facebook Page → About → Page transparency, or Messenger → Settings." },
    appSecret: { label: "App secret", help: metaApp },
    verifyToken: { label: "Verify token", help: metaVerify },
    apiVersion: { label: "Graph API version", help: "For example v21.0." },
  },
  instagram: {
    pageAccessToken: { label: "Page access token", help: "The token of the Facebook Page linked to the Instagram professional account." },
    accessToken: { label: "Access token", help: "Instagram → API setup with Instagram login → Generate token, or the linked Page's token." },
    instagramAccountId: { label: "Instagram account ID", help: "Instagram → API setup → the account's ID (IGSID of the business account)." },
    igUserId: { label: "Instagram account ID", help: "Instagram → API setup → the account's ID." },
    pageId: { label: "Page ID", help: "The Facebook Page linked to the Instagram account." },
    appSecret: { label: "App secret", help: metaApp },
    verifyToken: { label: "Verify token", help: metaVerify },
    apiVersion: { label: "Graph API version", help: "For example v21.0." },
  },
  telegram: {
    botToken: { label: "Bot token", help: "From @BotFather: /newbot or /token. It looks like 123456789:AA…", placeholder: "123456789:AA…" },
    secretToken: { label: "Secret token", help: "Any 1–256 letters, digits, _ or -: passed to setWebhook as secret_token, and Telegram sends it back on every update." },
    botUsername: { label: "Bot username", help: "Without the @, for t.me/<bot>?start=… links.", placeholder: "my_shop_bot" },
  },
  line: {
    channelSecret: { label: "Channel secret", help: "LINE Developers console → your Messaging API channel → Basic settings → Channel secret." },
    channelAccessToken: { label: "Channel access token", help: "Messaging API tab → Channel access token (long-lived) → Issue." },
    accessToken: { label: "Channel access token", help: "Messaging API tab → Channel access token (long-lived) → Issue." },
  },
  viber: {
    authToken: { label: "Authentication token", help: "Viber Admin Panel → your bot → Token (also signs every callback)." },
    botName: { label: "Bot name", help: "The sender name shown to users, up to 28 characters." },
    senderName: { label: "Sender name", help: "The sender name shown to users, up to 28 characters." },
    botAvatar: { label: "Avatar URL", help: "Optional image URL shown next to the bot's messages." },
    senderAvatar: { label: "Avatar URL", help: "Optional image URL shown next to the bot's messages." },
  },
  wechat: {
    appId: { label: "AppID", help: "Official Account Platform → Settings and development → Basic configuration → AppID (开发者ID).", placeholder: "wx1234567890abcdef" },
    appSecret: { label: "AppSecret", help: "Basic configuration → AppSecret (开发者密码); reset it there if you do not have it." },
    token: { label: "Token", help: "Basic configuration → Server configuration → Token (令牌): the same string in both places." },
    encodingAesKey: { label: "EncodingAESKey", help: "Basic configuration → Server configuration; use plaintext or compatible mode." },
  },
  sms: {
    accountSid: { label: "Account SID", help: "Twilio Console → Account info → Account SID (starts with AC).", placeholder: "AC…" },
    authToken: { label: "Auth token", help: "Twilio Console → Account info → Auth token (signs every webhook)." },
    from: { label: "From number", help: "Your Twilio phone number in E.164 form (or an alphanumeric sender ID where allowed). Leave empty when using a Messaging Service.", placeholder: "+15551234567" },
    fromNumber: { label: "From number", help: "Your Twilio phone number in E.164 form.", placeholder: "+15551234567" },
    phoneNumber: { label: "Phone number", help: "Your Twilio phone number in E.164 form.", placeholder: "+15551234567" },
    messagingServiceSid: { label: "Messaging Service SID", help: "Messaging → Services → the service's SID (starts with MG), instead of a From number." },
  },
  webchat: {
    allowedOrigins: { label: "Allowed origins", help: "Websites allowed to embed the widget." },
    title: { label: "Widget title", help: "Shown at the top of the chat window." },
    greeting: { label: "Greeting", help: "Shown before the visitor writes anything." },
  },
};

export function humaniseFieldName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldHelp(type: ChannelType, name: string): FieldHelp {
  return channelFieldHelp[type][name] ?? { label: humaniseFieldName(name) };
}
