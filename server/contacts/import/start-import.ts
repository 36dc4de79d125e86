import type { Database } from "../../db/client";
import { DomainError } from "../../domain-errors";
import type { Queue } from "../../queue/queue";
import { withTransaction } from "../../runtime/transaction";
import { enqueueImport } from "./import-queue";
import { importSettingsSchema, type ImportSettingsInput } from "./import-settings";
import { loadImport } from "./load-import";
import { loadImportFields } from "./load-import-fields";
import { mappingProblem } from "./mapping-problem";

// Saves the mapping, creates the new fields it asks for, and queues the job. Only an uploaded import
// starts, once: a second click does not import the file twice.
export async function startImport(
  // run: false leaves the queued import for the caller to run (tests run it in the foreground).
  deps: { database: Database; queue: Queue | null; run?: boolean },
  workspaceId: string,
  importId: string,
  rawSettings: ImportSettingsInput,
): Promise<{ status: "queued" }> {
  const { database } = deps;
  const record = await loadImport(database, workspaceId, importId);
  const parsed = importSettingsSchema.safeParse(rawSettings);
  if (!parsed.success) throw new DomainError("invalid", parsed.error.issues[0]?.message ?? "The import settings are not valid.");
  const settings = parsed.data;
  const fields = await loadImportFields(database.query, workspaceId);
  const problem = mappingProblem(record.headers, settings, fields);
  if (problem) throw new DomainError("invalid", problem);
  const started = await withTransaction(database, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `update contact_imports set status = 'queued', settings = $3::jsonb, updated_at = now()
       where id = $1 and workspace_id = $2 and status = 'uploaded' returning id`,
      [importId, workspaceId, JSON.stringify(settings)],
    );
    if (rows.length === 0) return false;
    for (const target of settings.mapping) {
      if (target.kind !== "new_field") continue;
      await tx.query(
        "insert into field_definitions (workspace_id, key, label, type) values ($1, $2, $3, $4::field_type) on conflict do nothing",
        [workspaceId, target.key, target.label, target.type],
      );
    }
    return true;
  });
  if (!started) throw new DomainError("conflict", "This import has already started.");
  if (deps.run !== false) await enqueueImport(database, deps.queue, importId);
  return { status: "queued" };
}
