import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions, AnswerType } from "./answer-type";
import { parseDateAnswer } from "./parse-date";
import { parseEmailAnswer } from "./parse-email";
import { parseNumberAnswer } from "./parse-number";
import { parsePhoneAnswer } from "./parse-phone";
import { parseYesNoAnswer } from "./parse-yes-no";

export { answerTypeSchema, type AnswerType, type AnswerOptions } from "./answer-type";
export type { AnswerParseResult, AnswerFailureReason } from "./answer-failure";

// Turns what a contact typed into the value a question saves, or a reason plus a hint to re-ask with.
// Choices are matched separately (matchChoice) because they need the node's list of options.
export function parseAnswer(
  type: Exclude<AnswerType, "choice">,
  input: string,
  options: AnswerOptions = {},
): AnswerParseResult {
  if (input.normalize("NFKC").trim() === "") return answerFailure(type, "empty", options);
  if (type === "text") return { ok: true, value: input.trim() };
  return PARSERS[type](input, options);
}

const PARSERS: Record<Exclude<AnswerType, "choice" | "text">, (input: string, options: AnswerOptions) => AnswerParseResult> = {
  number: parseNumberAnswer,
  email: parseEmailAnswer,
  phone: parsePhoneAnswer,
  date: parseDateAnswer,
  yes_no: parseYesNoAnswer,
};
