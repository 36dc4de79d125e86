import { findNodeKind, type EditorDocument } from "@/flows-runtime";
import type { VariableOption } from "./schema-form/schema-form-context";

const CONTACT_FIELDS = [
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["email", "Email"],
  ["phone", "Phone"],
] as const;

// What a template in this flow can use: the contact's profile, the flow's custom fields, and every
// variable the flow declares or some node writes (a question's save key, http_status, faq_match...).
export function variableOptions(document: EditorDocument): VariableOption[] {
  const options: VariableOption[] = CONTACT_FIELDS.map(([key, label]) => ({ token: `contact.${key}`, label, group: "Contact" }));
  const builtIn = new Set<string>(CONTACT_FIELDS.map(([key]) => key));
  const fields = new Set(document.fields);
  const variables = new Map<string, string>();
  for (const variable of document.variables) variables.set(variable.key, variable.label || variable.key);
  for (const node of Object.values(document.nodes)) {
    const definition = findNodeKind(node.kind);
    const parsed = definition?.data.safeParse(node.data);
    if (!definition?.references || !parsed?.success) continue;
    const references = definition.references(parsed.data);
    for (const key of references.writesVariables ?? []) if (key && !variables.has(key)) variables.set(key, key);
    for (const key of references.writesFields ?? []) if (key) fields.add(key);
  }
  for (const field of [...fields].sort()) {
    if (!builtIn.has(field) && field !== "tags") options.push({ token: `contact.${field}`, label: field, group: "Custom fields" });
  }
  for (const [key, label] of [...variables].sort(([a], [b]) => a.localeCompare(b))) {
    options.push({ token: `vars.${key}`, label, group: "Flow variables" });
  }
  return options;
}
