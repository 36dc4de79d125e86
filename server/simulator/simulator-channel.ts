import type { ChannelType } from "@/flows-runtime";
import type { Database } from "../db/client";

// One hidden channel per workspace and channel type, for simulations: messages are rendered and
// stored exactly as for a real channel of that type, but never leave Kaiwa (the outbox sender marks
// them sent without calling a platform). Not listed on the Channels page.
export async function simulatorChannel(database: Pick<Database, "query">, workspaceId: string, type: ChannelType): Promise<string> {
  const [existing] = await database.query<{ id: string }>(
    "select id from channels where workspace_id = $1 and type = $2 and status = 'simulator' order by created_at limit 1",
    [workspaceId, type],
  );
  if (existing) return existing.id;
  const [created] = await database.query<{ id: string }>(
    "insert into channels (workspace_id, type, name, status) values ($1, $2, $3, 'simulator') returning id",
    [workspaceId, type, `Simulator (${type})`],
  );
  return created!.id;
}
