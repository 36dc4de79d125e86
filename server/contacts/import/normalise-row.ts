import { validateFieldValue, type FieldType } from "../field-value";
import type { CsvRecord } from "./csv-records";
import type { ImportSettings } from "./import-settings";

export type ImportField = { key: string; label: string; type: FieldType; options: string[] };

// A row as it will be written: the contact's name and fields, its match keys and its tags.
export type ContactPatch = {
  displayName: string | null;
  fields: Record<string, string | number | string[]>;
  phone: string | null;
  email: string | null;
  tags: string[];
};

export type NormalisedRow = { line: number; cells: string[] } & ({ ok: true; patch: ContactPatch } | { ok: false; reason: string });

const builtInShapes = {
  first_name: { type: "text", label: "First name" },
  last_name: { type: "text", label: "Last name" },
  phone: { type: "phone", label: "Phone" },
  email: { type: "email", label: "Email" },
} as const;

// One CSV record against the mapping: every value checked as its field's type (phones to E.164 with the
// default country, full-width digits folded), and every problem of the row named, so the rejected-rows
// report says everything to fix at once.
export function normaliseRow(record: CsvRecord, headerCount: number, settings: ImportSettings, fields: Map<string, ImportField>): NormalisedRow {
  const base = { line: record.line, cells: record.cells };
  if (record.cells.length !== headerCount) {
    return { ...base, ok: false, reason: `The row has ${record.cells.length} cells but the header has ${headerCount} columns.` };
  }
  const problems: string[] = [];
  const patch: ContactPatch = { displayName: null, fields: {}, phone: null, email: null, tags: [] };
  settings.mapping.forEach((target, index) => {
    // The apostrophe our export puts before = + - @ (formula guard) is not part of the value.
    const raw = (record.cells[index] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
    if (target.kind === "ignore" || raw === "") return;
    if (target.kind === "tags") {
      patch.tags.push(...splitList(raw).map((tag) => tag.replace(/\s+/gu, " ").slice(0, 100)));
      return;
    }
    if (target.kind === "builtin" && target.key === "name") {
      patch.displayName = raw.replace(/\s+/gu, " ").slice(0, 200);
      return;
    }
    const shape =
      target.kind === "builtin"
        ? { key: target.key, ...builtInShapes[target.key as keyof typeof builtInShapes], options: [] as string[] }
        : target.kind === "new_field"
          ? { key: target.key, label: target.label, type: target.type, options: [] as string[] }
          : fields.get(target.key);
    if (!shape) {
      problems.push(`The field "${target.key}" no longer exists.`);
      return;
    }
    const result = validateFieldValue(shape, prepare(shape.type, raw), { defaultCountry: settings.defaultCountry });
    if (!result.ok) {
      problems.push(result.message);
      return;
    }
    if (result.value === null) return;
    const value = shape.type === "email" && typeof result.value === "string" ? result.value.toLowerCase() : result.value;
    patch.fields[shape.key] = value;
    if (target.kind === "builtin" && target.key === "phone") patch.phone = value as string;
    if (target.kind === "builtin" && target.key === "email") patch.email = value as string;
  });
  if (problems.length === 0 && !patch.phone && !patch.email) {
    problems.push("No phone or email: a row needs at least one of them to be matched with contacts.");
  }
  if (problems.length > 0) return { ...base, ok: false, reason: problems.join(" ") };
  patch.tags = [...new Set(patch.tags)];
  return { ...base, ok: true, patch };
}

// Spreadsheet habits the typed check would otherwise refuse: full-width digits and 2024/4/1 dates,
// and lists written with Japanese commas.
function prepare(type: FieldType, raw: string): string | string[] {
  if (type === "multiple_choice") return splitList(raw);
  if (type === "date") {
    const match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(raw.normalize("NFKC"));
    return match ? `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` : raw;
  }
  if (type === "number" || type === "email" || type === "phone") return raw.normalize("NFKC").trim();
  return raw;
}

function splitList(raw: string): string[] {
  return raw
    .split(/[,;|、，；]/u)
    .map((part) => part.trim())
    .filter(Boolean);
}
