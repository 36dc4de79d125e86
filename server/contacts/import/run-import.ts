import type { Database } from "../../db/client";
import { log } from "../../log";
import { withTransaction } from "../../runtime/transaction";
import { applyChunk } from "./apply-chunk";
import { CsvFormatError, csvRecords } from "./csv-records";
import { importSettingsSchema } from "./import-settings";
import { loadImportFields } from "./load-import-fields";
import { normaliseRow, type NormalisedRow } from "./normalise-row";

export const IMPORT_CHUNK_ROWS = 500;

type ImportRow = { id: string; workspace_id: string; status: string; file_text: string | null; delimiter: string; headers: string[]; settings: unknown; processed: number };

// The import job: walks the stored file once, writing chunks of rows, each chunk and its progress in one
// transaction. A job that dies half-way (a restart, a retry) resumes after the last committed chunk, so
// no row is written twice and the counts stay exact.
export async function runImport(database: Database, importId: string): Promise<void> {
  const [row] = await database.query<ImportRow>(
    "select id, workspace_id, status, file_text, delimiter, headers, settings, processed from contact_imports where id = $1",
    [importId],
  );
  if (!row || row.status === "done" || row.status === "failed" || row.file_text === null) return;
  const settings = importSettingsSchema.safeParse(row.settings);
  if (!settings.success) return fail(database, importId, "The import has no valid column mapping.");
  await database.query("update contact_imports set status = 'running', updated_at = now() where id = $1", [importId]);
  const fields = await loadImportFields(database.query, row.workspace_id);
  const headerCount = row.headers.length;
  let index = 0;
  let chunk: NormalisedRow[] = [];
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    const processed = index;
    await withTransaction(database, async (tx) => {
      const counts = await applyChunk(tx.query, row.workspace_id, importId, rows, settings.data.policy);
      await tx.query(
        `update contact_imports set processed = $2, created = created + $3, merged = merged + $4, rejected = rejected + $5, updated_at = now()
         where id = $1`,
        [importId, processed, counts.created, counts.merged, counts.rejected],
      );
    });
  };
  try {
    let header = true;
    for (const record of csvRecords(row.file_text, row.delimiter)) {
      if (header) {
        header = false;
        continue;
      }
      index += 1;
      if (index <= row.processed) continue;
      chunk.push(normaliseRow(record, headerCount, settings.data, fields));
      if (chunk.length >= IMPORT_CHUNK_ROWS) await flush();
    }
    if (chunk.length > 0) await flush();
  } catch (error) {
    // The file was checked at upload, so this is a database failure: the job is retried from the last chunk.
    if (error instanceof CsvFormatError) return fail(database, importId, error.message);
    log.error("contact import chunk failed", { importId, error });
    throw error;
  }
  // The file is no longer needed; rejected rows keep their own cells for the report.
  await database.query(
    "update contact_imports set status = 'done', file_text = null, finished_at = now(), updated_at = now() where id = $1",
    [importId],
  );
}

async function fail(database: Database, importId: string, error: string): Promise<void> {
  await database.query(
    "update contact_imports set status = 'failed', error = $2, finished_at = now(), updated_at = now() where id = $1",
    [importId, error],
  );
}
