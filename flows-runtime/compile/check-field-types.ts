import type { CompiledNode } from "./compiled-node";
import type { DiagnosticList } from "./diagnostic-list";

export type ContactFieldType = "text" | "number" | "email" | "phone" | "date" | "single_choice" | "multiple_choice";
// A workspace field as the compiler sees it: compile()'s `knownFields` takes these or plain keys.
export type KnownField = { key: string; type: ContactFieldType; options?: readonly string[] };

// The built-in fields with a type of their own.
const BUILT_IN_TYPES: Record<string, ContactFieldType> = { phone: "phone", email: "email" };

// What a node writes into a contact field, per kind (node kinds without one never write fields this way).
type FieldWrite = { key: string; answerType?: string; choiceLabels?: string[]; literal?: string };
const fieldWrites: Record<string, (data: Record<string, unknown>) => FieldWrite | null> = {
  question: (data) => {
    const saveTo = data.saveTo as { target?: string; key?: string } | undefined;
    if (saveTo?.target !== "field" || !saveTo.key) return null;
    const choices = Array.isArray(data.choices) ? (data.choices as { label?: string }[]) : [];
    return { key: saveTo.key, answerType: String(data.answerType), choiceLabels: choices.map((choice) => choice.label ?? "") };
  },
  set_field: (data) => {
    if (data.target !== "field" || typeof data.key !== "string" || data.key === "") return null;
    // A value built from a template is only known at run time.
    const value = typeof data.value === "string" ? data.value : "";
    return value.includes("{{") ? { key: data.key } : { key: data.key, literal: value.trim() };
  },
};

// Which answer types fit which field type (text takes anything).
const fittingAnswers: Record<ContactFieldType, readonly string[] | null> = {
  text: null,
  number: ["number"],
  email: ["email"],
  phone: ["phone"],
  date: ["date"],
  single_choice: ["choice"],
  multiple_choice: ["choice"],
};

const literalFits: Record<ContactFieldType, (value: string, field: KnownField) => boolean> = {
  text: () => true,
  number: (value) => value !== "" && Number.isFinite(Number(value)),
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value),
  phone: (value) => /^\+[1-9]\d{6,14}$/.test(value.replace(/[\s().-]/g, "")),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  single_choice: (value, field) => (field.options ?? []).includes(value),
  multiple_choice: (value, field) => value.split(",").every((part) => (field.options ?? []).includes(part.trim())),
};

// Warnings (the flow still runs; the runtime stores what it gets) where a question's answer or a
// set_field value cannot fit the type of the contact field it is saved to.
export function checkFieldTypes(nodes: readonly CompiledNode[], fields: readonly KnownField[], diagnostics: DiagnosticList): void {
  const byKey = new Map<string, KnownField>(Object.entries(BUILT_IN_TYPES).map(([key, type]) => [key, { key, type }]));
  for (const field of fields) byKey.set(field.key, field);
  for (const node of nodes) {
    if (!node.definition || typeof node.data !== "object" || node.data === null) continue;
    const write = fieldWrites[node.kind]?.(node.data as Record<string, unknown>);
    const field = write ? byKey.get(write.key) : undefined;
    if (!write || !field) continue;
    const message = mismatch(write, field);
    if (message) diagnostics.add({ code: "field_type_mismatch", severity: "warning", nodeId: node.id, message });
  }
}

function mismatch(write: FieldWrite, field: KnownField): string | null {
  const type = field.type.replace("_", " ");
  if (write.answerType !== undefined) {
    const fitting = fittingAnswers[field.type];
    if (fitting && !fitting.includes(write.answerType)) {
      return `The answer is saved to "${field.key}", a ${type} field, but this question asks for ${article(write.answerType)} ${write.answerType.replace("_", "/")} answer: ask for ${article(fitting[0]!)} ${fitting[0]} or save it elsewhere.`;
    }
    if ((field.type === "single_choice" || field.type === "multiple_choice") && field.options) {
      const outside = (write.choiceLabels ?? []).filter((label) => !field.options!.includes(label));
      if (outside.length > 0) {
        return `The choice "${outside[0]}" is not an option of the field "${field.key}" (${field.options.join(", ")}): rename the choice or add the option.`;
      }
    }
    return null;
  }
  if (write.literal !== undefined && write.literal !== "" && !literalFits[field.type](write.literal, field)) {
    return `"${write.literal}" does not fit "${field.key}", a ${type} field.`;
  }
  return null;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
