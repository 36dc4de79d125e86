import { normaliseText } from "../text/normalise";
import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions } from "./answer-type";

// Contacts rarely type a bare "yes": trailing punctuation and a polite "です" are stripped first.
export function parseYesNoAnswer(input: string, options: AnswerOptions): AnswerParseResult {
  const word = normaliseText(input).replace(TRAILING_NOISE, "");
  if (YES.has(word)) return { ok: true, value: true };
  if (NO.has(word)) return { ok: true, value: false };
  return answerFailure("yes_no", "not_yes_no", options);
}

const TRAILING_NOISE = /[\s!?.,。、!?〜~ー]+$/u;
const YES = new Set(["yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "true", "はい", "うん", "ええ", "はいです", "👍"]);
const NO = new Set(["no", "n", "nope", "nah", "false", "いいえ", "いや", "ううん", "いいえです", "👎"]);
