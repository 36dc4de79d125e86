import type { ChannelType } from "@/flows-runtime";
import { textRef } from "../channels/whatsapp/text-ref";
import type { WhatsappRefConfig } from "../channels/whatsapp/whatsapp-ref-config";
import { refProblem } from "./ref-rules";

export type DeepLinkInput = {
  channelType: ChannelType;
  ref: string;
  // The channel's public handle (see channelHandle): number, page, username, basic id, chat URI, URL.
  target: string | null;
  prefilledText?: string | null;
  // WhatsApp (and SMS, which reads refs the same way): how the channel finds the ref in a first text.
  refConfig?: WhatsappRefConfig;
  // WeChat: the URL WeChat returned for the scene's QR code.
  qrUrl?: string | null;
};

export type DeepLink =
  | { ok: true; url: string; text?: string; note?: string }
  | { ok: false; error: string };

// The link (and QR content) that opens a conversation carrying the entry point's ref on each channel.
export function deepLink(input: DeepLinkInput): DeepLink {
  const { ref, channelType } = input;
  const problem = refProblem(channelType, ref);
  if (problem) return { ok: false, error: problem };
  const target = input.target?.trim() ?? "";
  const missing = (what: string): DeepLink => ({ ok: false, error: `Enter the ${what} for this entry point's link.` });
  switch (channelType) {
    case "whatsapp": {
      const number = target.replace(/[^\d]/g, "");
      if (!/^[1-9]\d{6,14}$/.test(number)) return missing("WhatsApp phone number in international form (like +81 90 1234 5678)");
      const text = textWithRef(input.prefilledText, ref, input.refConfig);
      if (!text.ok) return text;
      return { ok: true, url: `https://wa.me/${number}?text=${encodeURIComponent(text.text)}`, text: text.text };
    }
    case "messenger":
      if (!/^[A-Za-z0-9.]{1,100}$/.test(target)) return missing("Facebook Page username or id");
      return { ok: true, url: `https://m.me/${target}?ref=${encodeURIComponent(ref)}` };
    case "instagram": {
      const username = target.replace(/^@/, "");
      if (!/^[A-Za-z0-9._]{1,30}$/.test(username)) return missing("Instagram username");
      return { ok: true, url: `https://ig.me/m/${username}?ref=${encodeURIComponent(ref)}` };
    }
    case "telegram": {
      const bot = target.replace(/^@/, "");
      if (!/^[A-Za-z0-9_]{5,32}$/.test(bot)) return missing("Telegram bot username (from @BotFather)");
      return { ok: true, url: `https://t.me/${bot}?start=${ref}` };
    }
    case "line": {
      const basicId = target.startsWith("@") ? target : `@${target}`;
      if (!/^@[a-z0-9._-]{3,40}$/i.test(basicId)) return missing("LINE basic id (like @123abcde)");
      return {
        ok: true,
        url: `https://line.me/R/ti/p/${encodeURIComponent(basicId)}`,
        note: "LINE add-friend links carry no parameter: contacts are attributed to this entry point when they follow the account.",
      };
    }
    case "viber":
      if (!/^[A-Za-z0-9_.-]{1,100}$/.test(target)) return missing("Viber chat URI (the bot's URI from Viber Partners)");
      return { ok: true, url: `viber://pa?chatURI=${encodeURIComponent(target)}&context=${encodeURIComponent(ref)}` };
    case "wechat":
      if (!input.qrUrl) return { ok: false, error: "The WeChat QR code has not been created yet." };
      return { ok: true, url: input.qrUrl, note: "WeChat parametric QR code: scanning it follows the Official Account with this scene." };
    case "sms": {
      const number = target.replace(/[^\d+]/g, "");
      if (!/^\+[1-9]\d{6,14}$/.test(number)) return missing("SMS number in E.164 form (like +14155550100)");
      const text = textWithRef(input.prefilledText, ref, input.refConfig);
      if (!text.ok) return text;
      return { ok: true, url: `sms:${number}?body=${encodeURIComponent(text.text)}`, text: text.text };
    }
    case "webchat": {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return missing("web page address where the chat widget is installed (https://…)");
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") return missing("web page address (https://…)");
      url.searchParams.set("kaiwa_ref", ref);
      return { ok: true, url: url.toString() };
    }
  }
}

const defaultRefConfig: WhatsappRefConfig = { refPrefix: "ref:", entryTexts: {} };

// The prefilled text, with the ref added the way the WhatsApp adapter reads it back ("… ref:summer24"),
// and proven by running the adapter's own reader on it.
export function textWithRef(prefilled: string | null | undefined, ref: string, config: WhatsappRefConfig = defaultRefConfig): { ok: true; text: string } | { ok: false; error: string } {
  const base = (prefilled ?? "").trim();
  if (base && textRef(base, config)?.ref === ref) return { ok: true, text: base };
  const prefix = config.refPrefix.trim();
  if (!prefix) {
    return { ok: false, error: "This channel's ref prefix is empty, so a prefilled text cannot carry a ref. Set a ref prefix (like ref:) in the channel's settings." };
  }
  const text = base ? `${base} ${prefix}${ref}` : `${prefix}${ref}`;
  if (textRef(text, config)?.ref !== ref) return { ok: false, error: "The prefilled text confuses the ref reader; remove the ref prefix from the text." };
  return { ok: true, text };
}
