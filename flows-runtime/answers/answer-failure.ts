import { answerHint } from "./answer-hints";
import type { AnswerOptions, AnswerType } from "./answer-type";

export type AnswerFailureReason =
  | "empty"
  | "not_a_number"
  | "too_small"
  | "too_large"
  | "invalid_email"
  | "invalid_phone"
  | "invalid_date"
  | "not_yes_no";

export type AnswerParseResult =
  | { ok: true; value: string | number | boolean }
  | { ok: false; reason: AnswerFailureReason; hint: string };

// A rejected answer always carries the hint to re-ask with, so no caller can forget it.
export function answerFailure(
  type: Exclude<AnswerType, "choice">,
  reason: AnswerFailureReason,
  options: AnswerOptions,
): AnswerParseResult {
  return { ok: false, reason, hint: answerHint(type, reason, options) };
}
