import type { Database } from "@/server/db/client";
import { notFound } from "@/server/domain-errors";

// Contacts keep existing; their entry_point_id becomes null (on delete set null).
export async function deleteEntryPoint(database: Database, workspaceId: string, id: string): Promise<{ id: string }> {
  const rows = await database.query<{ id: string }>("delete from entry_points where id = $1 and workspace_id = $2 returning id", [id, workspaceId]);
  if (!rows[0]) throw notFound("That entry point");
  return { id };
}
