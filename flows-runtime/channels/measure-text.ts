import { z } from "zod";

// Platforms count "characters" differently; each limit in channelCapabilities names its unit.
export const countUnitSchema = z.enum(["utf16", "graphemes", "bytes", "codepoints"]);
export type CountUnit = z.infer<typeof countUnitSchema>;

export function measureText(text: string, unit: CountUnit): number {
  return counters[unit](text);
}

const encoder = new TextEncoder();
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const counters: Record<CountUnit, (text: string) => number> = {
  utf16: (text) => text.length,
  codepoints: (text) => {
    let count = 0;
    for (const _ of text) count++;
    return count;
  },
  graphemes: (text) => splitGraphemes(text).length,
  bytes: (text) => encoder.encode(text).length,
};

// Cheap checks before counting: every unit is at least one code point or grapheme and at most 3 UTF-8 bytes.
export function fitsWithin(text: string, max: number, unit: CountUnit): boolean {
  if (unit === "utf16") return text.length <= max;
  if (unit === "bytes") return text.length * 3 <= max || measureText(text, unit) <= max;
  return text.length <= max || measureText(text, unit) <= max;
}

// Text where every UTF-16 unit is a grapheme on its own: ASCII (but CR, which pairs with LF), Latin
// precomposed letters, kana without combining sound marks, CJK ideographs, full-width forms.
const oneUnitGraphemes = /^[\t\n\x20-\x7E\u00A0-\u02FF\u3000-\u3098\u309B-\u30FF\u4E00-\u9FFF\uFF00-\uFF9D]*$/;

// What a reader sees as one character (a ZWJ family, a flag, a letter with its accents): never cut inside one.
// Intl.Segmenter is slow on long strings in Node 20 (superlinear), so plain text skips it.
export function splitGraphemes(text: string): string[] {
  if (oneUnitGraphemes.test(text)) return text.split("");
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
