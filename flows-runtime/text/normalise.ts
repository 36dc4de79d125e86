// Contacts type the same word many ways: full-width ASCII from Japanese IMEs ("ＨＥＬＬＯ"), half-width
// katakana from old phones ("ｶﾀｶﾅ"), stray ideographic spaces. Every comparison in the engine goes
// through this one function so "the same word" means the same thing everywhere.
export function normaliseText(input: string): string {
  return input.normalize("NFKC").toLowerCase().replace(WHITESPACE_RUN, " ").trim();
}

// \s already covers U+3000 and the other Unicode spaces; NFKC maps most of them to U+0020 anyway.
const WHITESPACE_RUN = /\s+/gu;
