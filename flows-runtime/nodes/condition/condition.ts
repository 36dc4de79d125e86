import { z } from "zod";
import { regexProblem } from "../../text/keyword-match";
import { normaliseText } from "../../text/normalise";
import { defineNodeKind, type DiagnosticDraft, type NodeReferences } from "../define-node-kind";
import { conditionRuleSchema, type ConditionClause, type ConditionRule } from "./condition-rule";
import { evaluateClause, parseNumber } from "./evaluate-clause";

export const ELSE_PORT = "else";

export const conditionDataSchema = z.object({
  // Checked top to bottom; the first rule whose clauses all match wins.
  rules: z.array(conditionRuleSchema).default([]),
});
export type ConditionData = z.infer<typeof conditionDataSchema>;

export const conditionNode = defineNodeKind({
  kind: "condition",
  data: conditionDataSchema,
  ports: (data) => [...data.rules.map((rule) => rule.id), ELSE_PORT],
  // `else` may stay unconnected: "if none of these, stop here" is a reasonable flow.
  requiredPorts: (data) => data.rules.map((rule) => rule.id),
  waits: () => false,
  references: (data) => conditionReferences(data),
  diagnose: (data) => diagnoseCondition(data),
  run: (data, ctx) => {
    for (const rule of data.rules) {
      // A rule without clauses is reported by diagnose(); at run time it never matches rather than
      // swallowing every contact.
      if (rule.all.length === 0) continue;
      if (rule.all.every((clause) => evaluateClause(clause, ctx))) {
        return { outcome: "next", port: rule.id, note: `rule "${rule.label || rule.id}" matched` };
      }
    }
    return { outcome: "next", port: ELSE_PORT, note: "no rule matched: else" };
  },
});

function conditionReferences(data: ConditionData): NodeReferences {
  const readsFields = new Set<string>();
  const readsVariables = new Set<string>();
  for (const clause of data.rules.flatMap((rule) => rule.all)) {
    if (clause.subject.kind === "field" && clause.subject.key) readsFields.add(clause.subject.key);
    if (clause.subject.kind === "variable" && clause.subject.key) readsVariables.add(clause.subject.key);
  }
  return { readsFields: [...readsFields], readsVariables: [...readsVariables] };
}

function diagnoseCondition(data: ConditionData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.rules.length === 0) {
    problems.push({ code: "no_rules", severity: "warning", message: "This condition has no rules, so every contact goes to else." });
  }
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const rule of data.rules) {
    const name = rule.label || rule.id;
    if (rule.id === ELSE_PORT || ids.has(rule.id)) {
      problems.push({ code: "duplicate_rule_id", severity: "error", port: rule.id, message: `The rule id "${rule.id}" is already used by another output of this condition.` });
    }
    ids.add(rule.id);
    const label = normaliseText(rule.label);
    if (label && labels.has(label)) {
      problems.push({ code: "duplicate_rule_label", severity: "warning", port: rule.id, message: `Two rules are called "${rule.label}": rename one so the branches are easy to tell apart.` });
    }
    if (label) labels.add(label);
    if (rule.all.length === 0) {
      problems.push({ code: "empty_rule", severity: "error", port: rule.id, message: `Rule "${name}" has no conditions: add at least one, or delete the rule.` });
    }
    for (const clause of rule.all) problems.push(...diagnoseClause(clause, rule));
  }
  return problems;
}

function diagnoseClause(clause: ConditionClause, rule: ConditionRule): DiagnosticDraft[] {
  const name = rule.label || rule.id;
  const at = (code: string, severity: DiagnosticDraft["severity"], message: string): DiagnosticDraft => ({ code, severity, port: rule.id, message });
  const problems: DiagnosticDraft[] = [];
  if ((clause.subject.kind === "field" || clause.subject.kind === "variable") && clause.subject.key.trim() === "") {
    problems.push(at("missing_key", "error", `Rule "${name}": choose which ${clause.subject.kind} to check.`));
  }
  switch (clause.operator) {
    case "matches_regex": {
      const problem = regexProblem(clause.value);
      if (problem) problems.push(at("invalid_regex", "error", `Rule "${name}": ${problem}`));
      break;
    }
    case "greater_than":
    case "less_than":
      if (parseNumber(clause.value) === undefined && !/^\d{4}-\d{2}-\d{2}/.test(clause.value.trim())) {
        problems.push(at("not_a_number", "error", `Rule "${name}": "${clause.value}" is not a number or a date (YYYY-MM-DD), so it can never be compared.`));
      }
      break;
    case "in":
      if (clause.value.length === 0) problems.push(at("empty_list", "warning", `Rule "${name}": the list of values is empty, so this never matches.`));
      break;
    case "has_tag":
    case "not_has_tag":
    case "contains":
    case "not_contains":
    case "starts_with":
      if (clause.value.trim() === "") problems.push(at("missing_value", "error", `Rule "${name}": type the value to compare with.`));
      break;
    default:
      break;
  }
  return problems;
}
