import type { ColumnTarget } from "@/server/contacts/import/import-settings";

export type FieldOption = { key: string; label: string; type: string };

// A column target as the value of a <select>, and back.
export function targetValue(target: ColumnTarget): string {
  switch (target.kind) {
    case "ignore":
    case "tags":
      return target.kind;
    case "builtin":
      return `builtin:${target.key}`;
    case "field":
      return `field:${target.key}`;
    case "new_field":
      return "new_field";
  }
}

export function targetFromValue(value: string, header: string): ColumnTarget {
  if (value === "tags") return { kind: "tags" };
  if (value === "new_field") return { kind: "new_field", key: fieldKeyFor(header), label: header.trim().slice(0, 100) || "Imported", type: "text" };
  const [kind, key] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "builtin") return { kind: "builtin", key: key as Extract<ColumnTarget, { kind: "builtin" }>["key"] };
  if (kind === "field") return { kind: "field", key };
  return { kind: "ignore" };
}

// A field key from a header: "Company size" → company_size; non-Latin headers get a generic key.
export function fieldKeyFor(header: string): string {
  const slug = header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^(\d)/, "f_$1")
    .slice(0, 48);
  return slug || `imported_${Math.abs(hash(header)).toString(36)}`;
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.codePointAt(0)!) | 0;
  return value;
}

export const builtInOptions = [
  { value: "builtin:name", label: "Name" },
  { value: "builtin:first_name", label: "First name" },
  { value: "builtin:last_name", label: "Last name" },
  { value: "builtin:phone", label: "Phone" },
  { value: "builtin:email", label: "Email" },
  { value: "tags", label: "Tags (comma separated)" },
];
