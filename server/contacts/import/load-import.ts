import type { Database } from "../../db/client";
import { notFound } from "../../domain-errors";

export type ImportRecord = {
  id: string;
  fileName: string;
  status: "uploaded" | "queued" | "running" | "done" | "failed";
  delimiter: string;
  headers: string[];
  settings: unknown;
  total: number;
  processed: number;
  created: number;
  merged: number;
  rejected: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

// One import of the workspace, without the file itself.
export async function loadImport(database: Pick<Database, "query">, workspaceId: string, importId: string): Promise<ImportRecord> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(importId)) throw notFound("The import");
  const [row] = await database.query<Record<string, unknown>>(
    `select id, file_name, status, delimiter, headers, settings, total, processed, created, merged, rejected, error, created_at, finished_at
     from contact_imports where id = $1 and workspace_id = $2`,
    [importId, workspaceId],
  );
  if (!row) throw notFound("The import");
  return {
    id: row.id as string,
    fileName: row.file_name as string,
    status: row.status as ImportRecord["status"],
    delimiter: row.delimiter as string,
    headers: row.headers as string[],
    settings: row.settings,
    total: Number(row.total),
    processed: Number(row.processed),
    created: Number(row.created),
    merged: Number(row.merged),
    rejected: Number(row.rejected),
    error: (row.error as string | null) ?? null,
    createdAt: new Date(row.created_at as string).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at as string).toISOString() : null,
  };
}
