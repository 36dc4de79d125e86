import type { Database } from "../../db/client";
import { decodeCsvBytes } from "./decode-csv-bytes";
import { inspectCsv } from "./inspect-csv";

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type UploadResult = { ok: true; importId: string; headers: string[]; delimiter: string; total: number } | { ok: false; error: string };

// Stores an uploaded file as an import waiting for its column mapping, after checking all of it:
// a file that is not UTF-8 CSV with a usable header row is refused here and nothing is stored.
export async function uploadImport(
  database: Pick<Database, "query">,
  scope: { workspaceId: string; userId: string | null },
  file: { name: string; bytes: Uint8Array },
): Promise<UploadResult> {
  if (file.bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: "The file is larger than 50 MB; split it into smaller files." };
  const decoded = decodeCsvBytes(file.bytes);
  if (!decoded.ok) return decoded;
  const inspection = inspectCsv(decoded.text);
  if (!inspection.ok) return inspection;
  const [row] = await database.query<{ id: string }>(
    `insert into contact_imports (workspace_id, file_name, status, file_text, delimiter, headers, total, created_by)
     values ($1, $2, 'uploaded', $3, $4, $5::jsonb, $6, $7) returning id`,
    [scope.workspaceId, file.name.slice(0, 200) || "contacts.csv", decoded.text, inspection.delimiter, JSON.stringify(inspection.headers), inspection.total, scope.userId],
  );
  return { ok: true, importId: row!.id, headers: inspection.headers, delimiter: inspection.delimiter, total: inspection.total };
}
