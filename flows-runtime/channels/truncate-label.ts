import { measureText, splitGraphemes, type CountUnit } from "./measure-text";

export const ellipsis = "…";

// Cuts at grapheme boundaries only, so a ZWJ emoji or a surrogate pair is kept whole or dropped whole.
export function truncateLabel(label: string, max: number, unit: CountUnit): string {
  if (measureText(label, unit) <= max) return label;
  const room = max - measureText(ellipsis, unit);
  if (room < 0) return takeFitting(splitGraphemes(label), max, unit);
  return takeFitting(splitGraphemes(label), room, unit).trimEnd() + ellipsis;
}

function takeFitting(graphemes: string[], max: number, unit: CountUnit): string {
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
