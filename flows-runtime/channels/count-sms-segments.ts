// GSM 03.38: the basic table costs one septet a character, the extension table two (escape + char).
const gsmBasic = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const gsmExtended = new Set("^{}\\[~]|€\f");

const single = { "GSM-7": 160, "UCS-2": 70 } as const;
// A concatenated message spends 6 bytes per segment on its header: 153 septets or 67 UCS-2 units remain.
const concatenated = { "GSM-7": 153, "UCS-2": 67 } as const;

// What the carrier bills: one character outside GSM-7 (Japanese, an emoji) turns the whole message UCS-2.
export function countSmsSegments(text: string): { encoding: "GSM-7" | "UCS-2"; segments: number } {
  const gsm = gsmCosts(text);
  const encoding = gsm ? "GSM-7" : "UCS-2";
  // UCS-2 counts UTF-16 units: an emoji outside the BMP is a surrogate pair and costs two.
  const costs = gsm ?? Array.from(text, (ch) => ch.length);
  const total = costs.reduce((a, b) => a + b, 0);
  if (total === 0) return { encoding, segments: 0 };
  if (total <= single[encoding]) return { encoding, segments: 1 };
  return { encoding, segments: packSegments(costs, concatenated[encoding]) };
}

function gsmCosts(text: string): number[] | undefined {
  const costs: number[] = [];
  for (const ch of text) {
    if (gsmBasic.has(ch)) costs.push(1);
    else if (gsmExtended.has(ch)) costs.push(2);
    else return undefined;
  }
  return costs;
}

// An escape sequence or a surrogate pair is never split across two segments, so pack character by character.
function packSegments(costs: number[], perSegment: number): number {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perSegment) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
