import { matchesKeyword } from "../../text/keyword-match";
import { normaliseText } from "../../text/normalise";
import type { NodeRunContext } from "../define-node-kind";
import type { ConditionClause, ConditionOperator, ConditionSubject } from "./condition-rule";

// Evaluates one clause against the contact, variables and last message as they are right now.
export function evaluateClause(clause: ConditionClause, ctx: NodeRunContext): boolean {
  const subject = subjectValue(clause.subject, ctx);
  if (clause.operator === "is_set") return isSet(subject);
  if (clause.operator === "is_not_set") return !isSet(subject);
  const negated = isNegated(clause.operator) ? NEGATIONS[clause.operator] : undefined;
  const operator: PositiveOperator = negated ?? (clause.operator as PositiveOperator);
  const value = clause.value;
  // Lists (tags, an array variable) match a positive operator when any element does, a negated one
  // when none does: "tag not_contains vip" means no tag contains vip.
  const items = Array.isArray(subject) ? subject : [subject];
  const any = items.some((item) => comparePositive(operator, toText(item), value));
  return negated ? !any : any;
}

type PositiveOperator = Exclude<ConditionOperator, "is_set" | "is_not_set" | keyof typeof NEGATIONS>;

const NEGATIONS = {
  not_equals: "equals",
  not_contains: "contains",
  not_has_tag: "has_tag",
} as const satisfies Partial<Record<ConditionOperator, ConditionOperator>>;

function isNegated(operator: ConditionOperator): operator is keyof typeof NEGATIONS {
  return Object.hasOwn(NEGATIONS, operator);
}

function comparePositive(operator: PositiveOperator, text: string, value: string | string[]): boolean {
  if (Array.isArray(value)) return value.some((option) => textEquals(text, option));
  switch (operator) {
    case "equals":
    case "has_tag":
      return textEquals(text, value);
    case "contains":
      return normaliseText(text).includes(normaliseText(value));
    case "starts_with":
      return normaliseText(text).startsWith(normaliseText(value));
    case "greater_than":
      return order(text, value) > 0;
    case "less_than":
      return order(text, value) < 0;
    case "matches_regex":
      return matchesKeyword({ match: "regex", value }, text);
    case "in":
      return textEquals(text, value);
  }
}

function subjectValue(subject: ConditionSubject, ctx: NodeRunContext): unknown {
  switch (subject.kind) {
    case "field":
      return ownValue(ctx.contact.fields, subject.key);
    case "variable":
      return ownValue(ctx.variables, subject.key);
    case "tag":
      return ctx.contact.tags;
    case "channel":
      return ctx.contact.channel;
    case "last_message":
      return ctx.lastMessage?.text;
  }
}

// "10" equals "10.0" and "１０"; otherwise text is compared after NFKC, case and space normalisation.
function textEquals(text: string, value: string): boolean {
  const a = parseNumber(text);
  const b = parseNumber(value);
  if (a !== undefined && b !== undefined) return a === b;
  return normaliseText(text) === normaliseText(value);
}

// NaN means "not comparable", so both > and < are false for text such as "abc" > 5.
function order(text: string, value: string): number {
  const a = parseNumber(text);
  const b = parseNumber(value);
  if (a !== undefined && b !== undefined) return a - b;
  // ISO dates (as question nodes save them) compare correctly as strings.
  if (ISO_DATE.test(text.trim()) && ISO_DATE.test(value.trim())) return text.trim() < value.trim() ? -1 : text.trim() > value.trim() ? 1 : 0;
  return Number.NaN;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

// Accepts full-width digits and thousands separators ("１,０００"), as contacts type them.
export function parseNumber(text: string): number | undefined {
  const trimmed = text.normalize("NFKC").trim();
  if (GROUPED_NUMBER.test(trimmed)) return Number(trimmed.replaceAll(",", ""));
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return toText(value).trim() !== "";
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
