import type { TestDatabase } from "../../testing/test-database";

// The platform ids of the workspace's contacts that carry a tag, sorted.
export async function externalIdsTagged(database: TestDatabase, workspaceId: string, tag: string): Promise<string[]> {
  const rows = await database.query<{ external_id: string }>(
    `select ci.external_id from contact_tags ct join tags t on t.id = ct.tag_id join contact_identities ci on ci.contact_id = ct.contact_id
     where t.workspace_id = $1 and t.name = $2 order by 1`,
    [workspaceId, tag],
  );
  return rows.map((row) => row.external_id);
}
