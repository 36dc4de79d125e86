import { normaliseText } from "../text/normalise";

// A bag of character n-grams: count per n-gram.
export type NgramBag = Map<string, number>;

// Character n-grams rather than words, because Japanese has no spaces between words: "営業時間は何時
// ですか" and "営業時間を教えて" share 営業, 業時, 時間, 営業時, 業時間 and the kanji themselves.
// For Latin text the spaces stay in, so " op" and "rs " mark word starts and ends.
export function faqNgrams(text: string): NgramBag {
  const meaningful = meaningfulText(text);
  const chars = Array.from(` ${meaningful} `);
  const bag: NgramBag = new Map();
  // Whole Latin words count extra: without them "parking" and "opening" look alike through "ing".
  for (const word of meaningful.split(" ")) {
    if (LATIN_WORD.test(word)) add(bag, `#${word}`, WHOLE_WORD_WEIGHT);
  }
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join("");
      if (gram.trim() !== "") add(bag, gram);
    }
  }
  // A single kanji or katakana character carries meaning (料 = fee, 店 = shop); single kana and
  // letters do not, so they are left out.
  for (const char of chars) if (MEANINGFUL_CHAR.test(char)) add(bag, char);
  return bag;
}

// Drops what every question shares ("what is your…", "…を教えてください", "…ですか") so that two
// questions match on their subject, not on their grammar. If nothing is left ("how are you?"), the
// whole text is used, so it can still match a question worded the same way.
function meaningfulText(text: string): string {
  const base = normaliseText(text).replace(PUNCTUATION, " ").replace(/\s+/gu, " ").trim();
  const stripped = base
    .replace(JAPANESE_QUESTION_FILLER, " ")
    .split(" ")
    // Single letters are mostly what is left of "what's" or "I'm" once punctuation is gone.
    .filter((word) => word !== "" && !ENGLISH_STOP_WORDS.has(word) && !/^\p{Script=Latin}$/u.test(word))
    .join(" ");
  return stripped === "" ? base : stripped;
}

function add(bag: NgramBag, gram: string, count = 1): void {
  bag.set(gram, (bag.get(gram) ?? 0) + count);
}

const WHOLE_WORD_WEIGHT = 3;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]{2,}$/u;
const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const MEANINGFUL_CHAR = /[\p{Script=Han}\p{Script=Katakana}]/u;
// Longest first, so "教えてください" goes as a whole rather than leaving "ください" behind.
const JAPANESE_QUESTION_FILLER =
  /(?:教えてください|教えて下さい|教えて|ください|下さい|お願いします|でしょうか|ありますか|できますか|ですか|ますか|したいです|したい|について)/gu;
const ENGLISH_STOP_WORDS = new Set(
  (
    "the is are am was were be been do does did you your my me we our us it its this that these " +
    "to of in on at for from by with and or but can could would will should may might please what when where " +
    "which who how there here have has had any some get about tell know want"
  ).split(" "),
);
