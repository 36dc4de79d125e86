import type { WhatsappRefConfig } from "./whatsapp-ref-config";

// Trailing punctuation a contact (or a keyboard) adds after the value: "ref:summer24!" means summer24.
const trailingPunctuation = /[.,!?;:'")\]}。、！？」』）]+$/u;

// The ref a prefilled wa.me text carries: a configured entry text (the whole text, compared without case,
// width or spacing differences), else the word after the ref prefix (at the start or after a space).
// NFKC folds full-width "ｒｅｆ：" from Japanese keyboards into "ref:".
export function textRef(text: string, config: WhatsappRefConfig): { ref: string; source: "entry_text" | "prefix" } | undefined {
  const folded = fold(text);
  for (const [entryText, ref] of Object.entries(config.entryTexts)) {
    if (fold(entryText) === folded && folded !== "") return { ref, source: "entry_text" };
  }
  const prefix = config.refPrefix.normalize("NFKC").trim();
  if (!prefix) return undefined;
  const match = new RegExp(`(?:^|\\s)${escapeRegExp(prefix)}(\\S+)`, "iu").exec(text.normalize("NFKC"));
  const value = match?.[1]?.replace(trailingPunctuation, "").slice(0, 200);
  return value ? { ref: value, source: "prefix" } : undefined;
}

function fold(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/gu, " ").toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
