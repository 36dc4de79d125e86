import type { ColumnTarget } from "./import-settings";
import type { ImportField } from "./normalise-row";

// Header names people use for the built-in fields, in English and Japanese, compared folded.
const synonyms: Record<string, ColumnTarget> = {};
const add = (target: ColumnTarget, names: string[]) => names.forEach((name) => (synonyms[fold(name)] = target));
add({ kind: "builtin", key: "name" }, ["name", "full name", "display name", "contact name", "氏名", "名前", "お名前", "フルネーム"]);
add({ kind: "builtin", key: "first_name" }, ["first name", "first_name", "firstname", "given name", "名"]);
add({ kind: "builtin", key: "last_name" }, ["last name", "last_name", "lastname", "surname", "family name", "姓", "苗字"]);
add({ kind: "builtin", key: "phone" }, ["phone", "phone number", "mobile", "mobile phone", "tel", "telephone", "cell", "電話", "電話番号", "携帯", "携帯電話", "携帯番号"]);
add({ kind: "builtin", key: "email" }, ["email", "e-mail", "email address", "mail", "メール", "メールアドレス", "eメール"]);
add({ kind: "tags" }, ["tags", "tag", "labels", "タグ"]);

// A first guess at the mapping from the header names: built-ins by common names, fields by key or
// label, everything else ignored. The user reviews it before anything is imported.
export function suggestMapping(headers: string[], fields: Iterable<ImportField>): ColumnTarget[] {
  const byName = new Map<string, ColumnTarget>();
  for (const field of fields) {
    byName.set(fold(field.key), { kind: "field", key: field.key });
    byName.set(fold(field.label), { kind: "field", key: field.key });
  }
  const used = new Set<string>();
  return headers.map((header) => {
    const target = synonyms[fold(header)] ?? byName.get(fold(header)) ?? { kind: "ignore" as const };
    const id = JSON.stringify(target);
    if (target.kind === "ignore" || used.has(id)) return { kind: "ignore" as const };
    used.add(id);
    return target;
  });
}

function fold(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[\s_-]+/g, " ").trim();
}
