import { parseTemplate } from "../../template/template";
import { normaliseText } from "../../text/normalise";
import type { DiagnosticDraft } from "../define-node-kind";
import type { FaqData } from "./faq";

export function diagnoseFaq(data: FaqData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.entries.length === 0) {
    problems.push({ code: "no_faq_entries", severity: "error", message: "Add at least one question and its answer." });
  }
  if (data.askFirst !== undefined) problems.push(...templateProblems(data.askFirst, "opening question"));
  const ids = new Set<string>();
  // Wording -> the entry that first used it. The same wording in two entries makes the answer a coin toss.
  const wordings = new Map<string, { id: string; question: string }>();
  data.entries.forEach((entry, position) => {
    const name = entry.question.trim() || `entry ${position + 1}`;
    if (ids.has(entry.id)) {
      problems.push({ code: "duplicate_faq_id", severity: "error", message: `Two entries share the id "${entry.id}".` });
    }
    ids.add(entry.id);
    if (entry.question.trim() === "") {
      problems.push({ code: "empty_faq_question", severity: "error", message: `Entry ${position + 1} has no question: type how a contact would ask it.` });
    }
    if (entry.answer.trim() === "") {
      problems.push({ code: "empty_faq_answer", severity: "error", message: `"${name}" has no answer: type the reply the contact should get.` });
    }
    problems.push(...templateProblems(entry.answer, `answer to "${name}"`));
    for (const wording of new Set([entry.question, ...entry.alternatives].map(normaliseText).filter(Boolean))) {
      const first = wordings.get(wording);
      if (first && first.id !== entry.id) {
        problems.push({
          code: "duplicate_faq_question",
          severity: "warning",
          message: `"${wording}" is listed under both "${first.question}" and "${name}": keep it under one, or contacts may get the wrong answer.`,
        });
      } else if (!first) wordings.set(wording, { id: entry.id, question: entry.question.trim() || name });
    }
  });
  return problems;
}

function templateProblems(source: string, where: string): DiagnosticDraft[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? [] : [{ code: "template_error", severity: "error", message: `In the ${where}: ${parsed.message}` }];
}
