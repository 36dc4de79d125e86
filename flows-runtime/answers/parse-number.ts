import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions } from "./answer-type";

// Accepts numbers the way people type them: "1,200", "1 200", "１２", "-3.5", "¥5,000", "5000円", and
// with a Japanese counter word, as a headcount is naturally answered: "120人", "３名", "5個".
export function parseNumberAnswer(input: string, options: AnswerOptions): AnswerParseResult {
  const value = readNumber(input);
  if (value === undefined) return answerFailure("number", "not_a_number", options);
  if (options.min !== undefined && value < options.min) return answerFailure("number", "too_small", options);
  if (options.max !== undefined && value > options.max) return answerFailure("number", "too_large", options);
  return { ok: true, value };
}

function readNumber(input: string): number | undefined {
  const text = input
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(CURRENCY_PREFIX, "")
    .replace(UNIT_SUFFIX, "");
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign = "", grouped = "", separator, decimalComma, fraction = ""] = match;
  // Grouped digits ("1,200", "1 200") lose their separators; a comma with one or two digits after it
  // ("3,5", "1 200,50") is a decimal comma, as typed in much of Europe. "1,200,50" is neither.
  if (decimalComma !== undefined && separator === ",") return undefined;
  const integer = grouped.replace(/[, ]/gu, "");
  const value = Number(`${sign}${integer}${decimalComma !== undefined ? `.${decimalComma}` : fraction}`);
  return Number.isFinite(value) ? value : undefined;
}

const CURRENCY_PREFIX = /^[¥$€£]\s?/u;
const UNIT_SUFFIX = /\s?(?:円|人|名|個|件|社|台|歳|才|つ)$/u;
// sign, integer part (plain or grouped by a consistent "," or " "), then either ",d" / ",dd" or ".ddd".
const NUMBER = /^([+-]?)(\d+|\d{1,3}(?:([, ])\d{3})(?:\3\d{3})*|\d*(?=\.\d))(?:,(\d{1,2})|(\.\d+))?\.?$/u;
