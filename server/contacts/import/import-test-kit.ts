import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { importSettingsSchema, type ImportSettingsInput } from "./import-settings";
import { runImport } from "./run-import";
import { startImport } from "./start-import";
import { uploadImport } from "./upload-import";

// A migrated test database with one workspace, and the upload → start → run path of an import.
export async function importTestKit() {
  const database: TestDatabase = await createTestDatabase();
  const [workspace] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('import-test', 'Import test') returning id");
  const workspaceId = workspace!.id;
  const upload = (text: string | Uint8Array, name = "contacts.csv") =>
    uploadImport(database, { workspaceId, userId: null }, { name, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text });
  const importFile = async (text: string, settings: ImportSettingsInput) => {
    const uploaded = await upload(text);
    if (!uploaded.ok) throw new Error(uploaded.error);
    await startImport({ database, queue: null, run: false }, workspaceId, uploaded.importId, importSettingsSchema.parse(settings));
    await runImport(database, uploaded.importId);
    const [row] = await database.query<{ status: string; total: number; processed: number; created: number; merged: number; rejected: number; error: string | null }>(
      "select status, total, processed, created, merged, rejected, error from contact_imports where id = $1",
      [uploaded.importId],
    );
    return { importId: uploaded.importId, ...row! };
  };
  const count = async (table: string) => Number((await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
  return { database, workspaceId, upload, importFile, count };
}
