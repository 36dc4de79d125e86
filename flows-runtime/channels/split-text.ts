import { fitsWithin, measureText, splitGraphemes, type CountUnit } from "./measure-text";

// Breaks long text into messages a channel accepts, preferring paragraph, then line, then sentence, then
// word boundaries; only as a last resort between two graphemes (never inside a surrogate pair or ZWJ emoji).
export function splitText(text: string, max: number, unit: CountUnit): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (!fitsWithin(rest, max, unit)) {
    const window = fittingPrefix(candidateGraphemes(rest, max, unit), max, unit);
    // Only a single grapheme wider than the whole limit leaves nothing to cut at: split it by code point.
    const cut = window.length > 0 ? bestBreak(window) : String.fromCodePoint(rest.codePointAt(0) ?? 32).length;
    const head = rest.slice(0, cut).trimEnd();
    chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

// Segmenting only a bounded head keeps long texts linear. A grapheme cut by the slice may be partial, so
// it is dropped; the bound is wide enough that the fitting prefix ends well before it.
function candidateGraphemes(text: string, max: number, unit: CountUnit): string[] {
  const bound = unit === "graphemes" ? max * 8 + 64 : unit === "codepoints" ? max * 2 + 16 : max + 16;
  if (text.length <= bound) return splitGraphemes(text);
  return splitGraphemes(text.slice(0, bound)).slice(0, -1);
}

function fittingPrefix(graphemes: string[], max: number, unit: CountUnit): string {
  let out = "";
  let size = 0;
  for (const g of graphemes) {
    const next = measureText(g, unit);
    if (size + next > max) break;
    out += g;
    size += next;
  }
  return out;
}

// Each pattern matches a separator; the chunk ends after it. A break only counts in the back half of the
// window, so a paragraph break near the start does not leave a tiny message behind.
const breakPatterns: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?](?=\s)|[。！？]/g, /[、，,;:]|\s/g];

function bestBreak(window: string): number {
  let anywhere = 0;
  for (const pattern of breakPatterns) {
    let last = 0;
    for (const match of window.matchAll(pattern)) last = match.index + match[0].length;
    if (last >= window.length / 2) return last;
    anywhere = Math.max(anywhere, last);
  }
  return anywhere > 0 ? anywhere : window.length;
}
