import type { Database } from "../../db/client";
import { DomainError } from "../../domain-errors";
import { csvRecords } from "./csv-records";
import { importSettingsSchema, type ImportSettingsInput } from "./import-settings";
import { loadImport } from "./load-import";
import { loadImportFields } from "./load-import-fields";
import { mappingProblem } from "./mapping-problem";
import { normaliseRow } from "./normalise-row";

export const PREVIEW_ROWS = 10;

export type PreviewRow = {
  line: number;
  cells: string[];
  // Normalised values by target ("name", "phone", a field key, "tags"), or the row's problems.
  values: Record<string, string>;
  problem: string | null;
  action: "create" | "merge" | "reject";
};

// The first rows exactly as the import will treat them, and whether each would create a contact or
// merge into an existing one, without writing anything.
export async function previewImport(
  database: Pick<Database, "query">,
  workspaceId: string,
  importId: string,
  rawSettings: ImportSettingsInput,
): Promise<{ rows: PreviewRow[]; mappingProblem: string | null }> {
  const record = await loadImport(database, workspaceId, importId);
  const settings = importSettingsSchema.parse(rawSettings);
  const [row] = await database.query<{ file_text: string | null }>("select file_text from contact_imports where id = $1", [importId]);
  if (!row?.file_text) throw new DomainError("conflict", "This import has already run; upload the file again to preview it.");
  const fields = await loadImportFields(database.query, workspaceId);
  const rows: PreviewRow[] = [];
  let header = true;
  for (const csv of csvRecords(row.file_text, record.delimiter)) {
    if (header) {
      header = false;
      continue;
    }
    const normalised = normaliseRow(csv, record.headers.length, settings, fields);
    const values: Record<string, string> = {};
    if (normalised.ok) {
      const patch = normalised.patch;
      if (patch.displayName) values.name = patch.displayName;
      for (const [key, value] of Object.entries(patch.fields)) values[key] = Array.isArray(value) ? value.join(", ") : String(value);
      if (patch.tags.length > 0) values.tags = patch.tags.join(", ");
    }
    rows.push({ line: csv.line, cells: csv.cells, values, problem: normalised.ok ? null : normalised.reason, action: normalised.ok ? "create" : "reject" });
    if (rows.length >= PREVIEW_ROWS) break;
  }
  await markMerges(database, workspaceId, rows);
  return { rows, mappingProblem: mappingProblem(record.headers, settings, fields) ?? null };
}

async function markMerges(database: Pick<Database, "query">, workspaceId: string, rows: PreviewRow[]): Promise<void> {
  const candidates = rows.filter((row) => row.action === "create");
  const phones = candidates.flatMap((row) => (row.values.phone ? [row.values.phone] : []));
  const emails = candidates.flatMap((row) => (row.values.email ? [row.values.email] : []));
  if (phones.length === 0 && emails.length === 0) return;
  const existing = await database.query<{ phone: string | null; email: string | null }>(
    `select fields->>'phone' as phone, lower(fields->>'email') as email from contacts
     where workspace_id = $1 and is_test = false
       and ((fields->>'phone') = any(array(select jsonb_array_elements_text($2::jsonb)))
         or lower(fields->>'email') = any(array(select jsonb_array_elements_text($3::jsonb))))`,
    [workspaceId, JSON.stringify(phones), JSON.stringify(emails)],
  );
  const known = new Set(existing.flatMap((row) => [row.phone, row.email].filter((value): value is string => Boolean(value))));
  for (const row of candidates) {
    if ((row.values.phone && known.has(row.values.phone)) || (row.values.email && known.has(row.values.email))) row.action = "merge";
    if (row.values.phone) known.add(row.values.phone);
    if (row.values.email) known.add(row.values.email);
  }
}
