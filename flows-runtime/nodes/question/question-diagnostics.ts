import { parseTemplate } from "../../template/template";
import { normaliseText } from "../../text/normalise";
import type { DiagnosticDraft } from "../define-node-kind";
import { ANSWERED_PORT, INVALID_PORT, TIMEOUT_PORT, type QuestionData } from "./question-data";

export function diagnoseQuestion(data: QuestionData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.prompt.trim() === "") {
    problems.push({ code: "empty_prompt", severity: "error", message: "Type the question the contact should answer." });
  }
  problems.push(...templateProblems(data.prompt, "question"));
  if (data.retryPrompt !== undefined) problems.push(...templateProblems(data.retryPrompt, "retry message"));

  if (data.answerType === "choice") problems.push(...diagnoseChoices(data));
  else if (data.choices.length > 0) {
    problems.push({
      code: "choices_ignored",
      severity: "warning",
      message: `The choices are only used when the answer type is "choice"; this question expects ${data.answerType}.`,
    });
  }
  if (data.answerType === "number" && data.min !== undefined && data.max !== undefined && data.min > data.max) {
    problems.push({ code: "invalid_range", severity: "error", message: `The minimum (${data.min}) is larger than the maximum (${data.max}): no number could be accepted.` });
  }
  if (data.saveTo && data.saveTo.key.trim() === "") {
    problems.push({ code: "missing_save_key", severity: "error", message: `Choose the ${data.saveTo.target} to save the answer to, or turn saving off.` });
  }
  return problems;
}

const RESERVED_PORTS = new Set([ANSWERED_PORT, INVALID_PORT, TIMEOUT_PORT]);

function diagnoseChoices(data: QuestionData): DiagnosticDraft[] {
  if (data.choices.length === 0) {
    return [{ code: "no_choices", severity: "error", message: "Add at least one choice, or change the answer type." }];
  }
  const problems: DiagnosticDraft[] = [];
  const ids = new Set<string>();
  for (const choice of data.choices) {
    if (ids.has(choice.id) || RESERVED_PORTS.has(choice.id)) {
      problems.push({ code: "duplicate_choice_id", severity: "error", port: choice.id, message: `The choice id "${choice.id}" is already used by another output of this question.` });
    }
    ids.add(choice.id);
    const label = normaliseText(choice.label);
    if (label === "") {
      problems.push({ code: "empty_choice_label", severity: "error", port: choice.id, message: "Give this choice a label the contact can see." });
      continue;
    }
    // Duplicate labels are the compiler's generic `duplicate_choice` check, on every node's messages().
  }
  return problems;
}

function templateProblems(source: string, where: string): DiagnosticDraft[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? [] : [{ code: "template_error", severity: "error", message: `In the ${where}: ${parsed.message}` }];
}
