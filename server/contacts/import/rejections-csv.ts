import type { Database } from "../../db/client";
import { csvLine } from "../export/csv-line";
import { loadImport } from "./load-import";

const PAGE = 2000;

// The rejected rows of an import as CSV: the line in the original file, the reason, then the row's own
// cells under the original header, so the file can be fixed and imported again.
export async function* rejectionsCsv(database: Pick<Database, "query">, workspaceId: string, importId: string): AsyncGenerator<string> {
  const record = await loadImport(database, workspaceId, importId);
  yield `\ufeff${csvLine(["line", "reason", ...record.headers])}`;
  let afterLine = 0;
  for (;;) {
    const rows = await database.query<{ line: number; reason: string; cells: string[] }>(
      `select line, reason, cells from contact_import_rejections
       where import_id = $1 and workspace_id = $2 and line > $3 order by line limit ${PAGE}`,
      [importId, workspaceId, afterLine],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => csvLine([row.line, row.reason, ...row.cells])).join("");
    if (rows.length < PAGE) return;
    afterLine = rows[rows.length - 1]!.line;
  }
}

export async function listRejections(database: Pick<Database, "query">, workspaceId: string, importId: string, limit: number) {
  await loadImport(database, workspaceId, importId);
  return database.query<{ line: number; reason: string; cells: string[] }>(
    `select line, reason, cells from contact_import_rejections where import_id = $1 and workspace_id = $2 order by line limit $3`,
    [importId, workspaceId, limit],
  );
}
