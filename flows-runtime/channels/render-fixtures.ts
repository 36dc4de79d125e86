import type { OutboundChoice, OutboundMedia, OutboundMessage } from "./outbound-message";

// Shared inputs for the channel tests: the messages marketers actually write.
export function choices(n: number, label: (i: number) => string = (i) => `Option ${i + 1}`): OutboundChoice[] {
  return Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: label(i), payload: `p${i + 1}` }));
}

export function labelled(labels: string[]): OutboundChoice[] {
  return labels.map((label, i) => ({ id: `c${i + 1}`, label, payload: `p${i + 1}` }));
}

export function message(text: string, choiceList: OutboundChoice[] = [], media?: OutboundMedia): OutboundMessage {
  return { text, choices: choiceList, ...(media ? { media } : {}) };
}

export const longEnglish = "Appointment for Monday morning";
export const longJapanese = "月曜日の午前中のご予約をご希望の方はこちら";
// One grapheme, seven code points, eleven UTF-16 units.
export const family = "👨‍👩‍👧‍👦";
export const familyLabel = `${family} Family plan for all`;

export const image: OutboundMedia = { kind: "image", url: "https://cdn.example.com/menu.jpg" };
export const pdf: OutboundMedia = { kind: "file", url: "https://cdn.example.com/prices.pdf", filename: "prices.pdf" };

// Sentences of 50 characters, so splitting has sentence boundaries to choose from.
export function sentences(totalChars: number): string {
  const sentence = "This sentence is exactly fifty characters long ok. ";
  return sentence.repeat(Math.ceil(totalChars / sentence.length)).slice(0, totalChars).trim();
}

// Lone surrogates mean a split or cut went through the middle of a character.
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
