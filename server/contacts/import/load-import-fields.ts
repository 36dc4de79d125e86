import type { FieldType } from "../field-value";
import type { Query } from "./apply-chunk";
import type { ImportField } from "./normalise-row";

// The workspace's field definitions by key, as the import checks values against them.
export async function loadImportFields(query: Query, workspaceId: string): Promise<Map<string, ImportField>> {
  const rows = await query<{ key: string; label: string; type: FieldType; options: unknown }>(
    "select key, label, type::text as type, options from field_definitions where workspace_id = $1 order by key",
    [workspaceId],
  );
  return new Map(
    rows.map((row) => [
      row.key,
      { key: row.key, label: row.label, type: row.type, options: Array.isArray(row.options) ? row.options.map(String) : [] },
    ]),
  );
}
