import type { ChannelType } from "@/flows-runtime";

type RefRule = { pattern: RegExp; describe: string };

const safe = (max: number): RefRule => ({ pattern: new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`), describe: `1–${max} characters: letters A–Z, digits, _ and -` });

// What each platform carries back unchanged. Telegram's start parameter is 1–64 of A–Z a–z 0–9 _ -;
// WeChat's scene_str is 1–64 characters; Meta's ref also allows . : = and +. WhatsApp and SMS refs ride
// inside a text and are read back as one word, so they keep to the same safe set (no spaces or
// trailing punctuation, which the text reader would cut off).
const rules: Record<ChannelType, RefRule> = {
  whatsapp: safe(64),
  messenger: { pattern: /^[A-Za-z0-9_.:=+-]{1,250}$/, describe: "1–250 characters: letters A–Z, digits and _ - . : = +" },
  instagram: { pattern: /^[A-Za-z0-9_.:=+-]{1,250}$/, describe: "1–250 characters: letters A–Z, digits and _ - . : = +" },
  telegram: safe(64),
  line: safe(64),
  viber: safe(64),
  wechat: safe(64),
  sms: safe(64),
  webchat: safe(64),
};

// Null when the ref can be used on this channel, else what to change.
export function refProblem(channelType: ChannelType, ref: string): string | null {
  const rule = rules[channelType];
  return rule.pattern.test(ref) ? null : `The ref must be ${rule.describe}.`;
}
