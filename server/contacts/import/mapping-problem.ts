import type { ImportSettings } from "./import-settings";
import type { ImportField } from "./normalise-row";

// What is wrong with a mapping before any row is read: it must cover every column once, match on a
// phone or an email column, and name fields that exist (or new ones that do not clash).
export function mappingProblem(headers: string[], settings: ImportSettings, fields: Map<string, ImportField>): string | undefined {
  if (settings.mapping.length !== headers.length) return `The mapping has ${settings.mapping.length} columns but the file has ${headers.length}.`;
  const seen = new Map<string, number>();
  for (const [index, target] of settings.mapping.entries()) {
    if (target.kind === "ignore") continue;
    const id = target.kind === "builtin" ? target.key : target.kind === "tags" ? "tags" : target.key;
    const earlier = seen.get(id);
    if (earlier !== undefined) return `Columns "${headers[earlier]}" and "${headers[index]}" are both mapped to ${id}; map one of them elsewhere or ignore it.`;
    seen.set(id, index);
    if (target.kind === "field" && !fields.has(target.key)) return `Column "${headers[index]}" is mapped to a field "${target.key}" that does not exist.`;
    if (target.kind === "new_field") {
      if (fields.has(target.key)) return `A field with the key "${target.key}" already exists; map column "${headers[index]}" to it instead.`;
      if (["name", "first_name", "last_name", "phone", "email", "tags", "locale", "timezone"].includes(target.key)) {
        return `"${target.key}" is a built-in field; choose another key for column "${headers[index]}".`;
      }
    }
  }
  if (!seen.has("phone") && !seen.has("email")) return "Map a phone or an email column: contacts are matched by phone or email.";
  return undefined;
}
