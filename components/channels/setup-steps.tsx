import Link from "next/link";
import type { ReactNode } from "react";
import type { ChannelType } from "@/flows-runtime";
import { channelCatalogue } from "./channel-catalogue";
import { CopyField } from "./copy-field";
import type { ChannelDetail } from "./use-channels";

type Steps = (channel: ChannelDetail, urls: { webhook: string; token: string; apiBase: string }) => ReactNode[];

const b = (text: string) => <strong className="font-semibold text-slate-800">{text}</strong>;
const c = (text: string) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em]">{text}</code>;

const metaSteps = (where: string, fields: string): Steps => () => [
  <>In {b("Meta for Developers")} → your app → {where}, click {b("Edit")} (or {b("Configure webhooks")}).</>,
  <>Paste the {b("webhook URL")} above as the {b("Callback URL")} and the {b("verify token")} as the {b("Verify token")}, then {b("Verify and save")}: Kaiwa answers Meta&apos;s check.</>,
  <>Subscribe to the webhook fields {fields}.</>,
  <>The {b("App secret")} saved here must be the one in {b("App settings → Basic")}: Kaiwa refuses every webhook whose signature does not match it.</>,
];

// Per platform: where the webhook URL and token go. Written for someone doing it the first time.
const stepsByType: Record<ChannelType, Steps> = {
  whatsapp: metaSteps("WhatsApp → Configuration → Webhook", `${"messages"} (statuses arrive with it)`),
  messenger: metaSteps("Messenger → Messenger API settings → Webhooks", "messages, messaging_postbacks, messaging_referrals, message_deliveries and message_reads for your Page"),
  instagram: metaSteps("Instagram → API setup → Configure webhooks", "messages, messaging_postbacks, messaging_referral and messaging_seen; in the Instagram app, allow access to messages (Settings → Privacy → Messages → Connected tools)"),
  telegram: (_channel, { webhook, token, apiBase }) => [
    <>Open this address in your browser after replacing {c("<bot token>")} with your bot token, or run it with curl. Telegram answers {c('{"ok":true}')}.</>,
    <CopyField
      key="set-webhook"
      label="setWebhook URL"
      testId="telegram-set-webhook"
      multiline
      value={`${apiBase}/bot<bot token>/setWebhook?url=${encodeURIComponent(webhook)}&secret_token=${encodeURIComponent(token)}`}
    />,
    <>Telegram then sends the {b("secret token")} with every update, and Kaiwa refuses updates without it. The webhook URL must be public HTTPS on port 443, 80, 88 or 8443.</>,
  ],
  line: () => [
    <>In the {b("LINE Developers console")} → your Messaging API channel → {b("Messaging API")} tab → {b("Webhook URL")}, click {b("Edit")} and paste the webhook URL above.</>,
    <>Click {b("Verify")}: LINE sends a signed test event and Kaiwa answers it. Then turn on {b("Use webhook")}.</>,
    <>In the {b("LINE Official Account Manager")}, turn off {b("Auto-reply messages")} and {b("Greeting messages")} so they do not answer alongside your flows.</>,
  ],
  viber: (channel, { webhook }) => [
    <>Viber registers webhooks through its API. Run this with your authentication token; Viber calls the URL at once and Kaiwa answers.</>,
    <CopyField
      key="set-webhook"
      label="set_webhook command"
      multiline
      value={`curl -X POST ${channel.apiBaseUrl ?? "https://chatapi.viber.com"}/pa/set_webhook -H "X-Viber-Auth-Token: <auth token>" -d '${JSON.stringify({ url: webhook, event_types: ["delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started"], send_name: true })}'`}
    />,
    <>Viber answers {c('{"status":0}')} when the webhook is set.</>,
  ],
  wechat: () => [
    <>In the {b("Official Account Platform")} → {b("Settings and development → Basic configuration")} → {b("Server configuration")}, click {b("Modify configuration")}.</>,
    <>{b("URL")}: the webhook URL above. {b("Token")}: the token above. {b("EncodingAESKey")}: click {b("Random")}. {b("Message encryption")}: {b("Plaintext")} or {b("Compatible")} mode.</>,
    <>Click {b("Submit")} (WeChat checks the URL right away; Kaiwa answers), then {b("Enable")}. Add your server&apos;s IP address to the {b("IP whitelist")} on the same page so Kaiwa can call the API.</>,
  ],
  sms: () => [
    <>In the {b("Twilio Console")} → {b("Phone Numbers → Manage → Active numbers")}, open your number.</>,
    <>Under {b("Messaging configuration")} → {b("A message comes in")}: {b("Webhook")}, paste the webhook URL above, method {b("HTTP POST")}, then {b("Save configuration")}.</>,
    <>Twilio signs the exact URL it calls, so it must be the one shown here (from {c("KAIWA_PUBLIC_URL")}). Replies of STOP and START are honoured automatically.</>,
  ],
  webchat: (channel) => [
    <>Paste the snippet below just before {c("</body>")} on every page of your website where the chat should appear.</>,
    ...(channel.embedSnippet ? [<CopyField key="embed" label="Embed snippet" testId="embed-snippet" multiline value={channel.embedSnippet} />] : []),
    <>
      Try it first on the{" "}
      <Link href="/demo" className="font-medium text-indigo-700 underline">
        demo page
      </Link>
      : the widget talks to your published flows.
    </>,
  ],
};

export function SetupSteps({ channel }: { channel: ChannelDetail }) {
  const apiBase = (channel.apiBaseUrl ?? channelCatalogue[channel.type].apiBase ?? "").replace(/\/+$/, "");
  const steps = stepsByType[channel.type](channel, { webhook: channel.webhookUrl, token: channel.verifyToken ?? "<token>", apiBase });
  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(channel.publicUrl);
  return (
    <div data-testid="setup-steps">
      {local && channel.type !== "webchat" && (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Kaiwa&apos;s public address is {c(channel.publicUrl)}, which {channelCatalogueName(channel.type)} cannot reach. Set {c("KAIWA_PUBLIC_URL")} to a public
          HTTPS address (a tunnel works for testing) and restart.
        </p>
      )}
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-600 marker:text-slate-400">
        {steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      {channel.type !== "webchat" && (
        <a href={channelCatalogue[channel.type].docs} target="_blank" rel="noreferrer" className="mt-3 inline-block text-xs text-indigo-700 underline">
          The platform&apos;s own guide
        </a>
      )}
    </div>
  );
}

function channelCatalogueName(type: ChannelType): string {
  return type === "sms" ? "Twilio" : "the platform";
}
