import { z } from "zod";
import { normaliseText } from "./normalise";

export const keywordRuleSchema = z.object({
  match: z.enum(["exact", "contains", "starts_with", "regex"]).default("contains"),
  value: z.string().min(1),
});
export type KeywordRule = z.infer<typeof keywordRuleSchema>;

// Trigger rules are checked against every inbound message, so a rule's regex is compiled once.
export function matchesKeyword(rule: KeywordRule, text: string): boolean {
  const message = normaliseText(text);
  if (rule.match === "regex") {
    const regex = compiledRegex(rule.value);
    return regex !== null && regex.test(message);
  }
  const keyword = normaliseText(rule.value);
  // A keyword of only spaces would otherwise "contain"-match every message.
  if (keyword === "") return false;
  if (rule.match === "exact") return message === keyword;
  if (rule.match === "starts_with") return message.startsWith(keyword);
  return message.includes(keyword);
}

// For the compiler's `invalid_regex` diagnostic: null when the pattern compiles the way
// matchesKeyword will compile it, otherwise a sentence a marketer can act on.
export function regexProblem(pattern: string): string | null {
  if (pattern.trim() === "") return "The pattern is empty: type the text or regular expression to match.";
  try {
    new RegExp(pattern.normalize("NFKC"), REGEX_FLAGS);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /su, "") : "";
    return `This is not a valid regular expression${detail ? ` (${detail})` : ""}. Check brackets and escape special characters such as ( ) [ ] { } with \\.`;
  }
}

// "i" so upper-case in a pattern still matches lower-cased text; "u" so Japanese and emoji are whole characters.
const REGEX_FLAGS = "iu";
// Patterns come from published flows, so the set is small; the cap only guards against a runaway caller.
const MAX_CACHED_REGEXES = 2000;
const regexCache = new Map<string, RegExp | null>();

function compiledRegex(pattern: string): RegExp | null {
  const cached = regexCache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null;
  try {
    compiled = new RegExp(pattern.normalize("NFKC"), REGEX_FLAGS);
  } catch {
    compiled = null;
  }
  if (regexCache.size >= MAX_CACHED_REGEXES) regexCache.clear();
  regexCache.set(pattern, compiled);
  return compiled;
}
