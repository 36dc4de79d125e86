import type { Database } from "../db/client";
import { DomainError } from "../domain-errors";

export type SimulationRow = {
  id: string;
  flow_id: string;
  flow_version_id: string;
  channel_id: string;
  channel_type: string;
  contact_id: string;
  external_id: string;
  setup: unknown;
  clock_offset_ms: number;
  // The replies so far, so an input's own replies can be told apart without another round trip.
  bot_messages: number;
};

// A simulation of this workspace, or "not found" (another workspace's id is not found either).
export async function loadSimulation(database: Pick<Database, "query">, workspaceId: string, simulationId: string): Promise<SimulationRow> {
  const [row] = await database.query<SimulationRow>(
    `select s.id, s.flow_id, s.flow_version_id, s.channel_id, ch.type as channel_type, s.contact_id, s.external_id, s.setup,
            s.clock_offset_ms::float8 as clock_offset_ms,
            (select count(*)::int from messages m where m.contact_id = s.contact_id and m.direction = 'outbound') as bot_messages
     from simulations s join channels ch on ch.id = s.channel_id
     where s.id = $1 and s.workspace_id = $2`,
    [simulationId, workspaceId],
  );
  if (!row) throw new DomainError("not_found", "That simulation was not found.");
  return row;
}
