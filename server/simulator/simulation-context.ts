import type { Database } from "../db/client";
import { graphForVersion, type PublishedFlow } from "../runtime/flow-cache";

// What the runtime needs to know when an event belongs to a simulation: the one flow version it
// runs (instead of the workspace's published flows), and its simulated clock.
export type SimulationContext = { id: string; flow: PublishedFlow; clockOffsetMs: number };

export async function loadSimulationContext(database: Pick<Database, "query">, channelId: string, externalId: string): Promise<SimulationContext | null> {
  const [row] = await database.query<{ id: string; flow_id: string; flow_version_id: string; clock_offset_ms: string | number; is_default: boolean }>(
    `select s.id, s.flow_id, s.flow_version_id, s.clock_offset_ms, f.is_default
     from simulations s join flows f on f.id = s.flow_id
     where s.channel_id = $1 and s.external_id = $2`,
    [channelId, externalId],
  );
  if (!row) return null;
  const graph = await graphForVersion(database, row.flow_version_id);
  return {
    id: row.id,
    flow: { flowId: row.flow_id, versionId: row.flow_version_id, isDefault: row.is_default, graph },
    clockOffsetMs: Number(row.clock_offset_ms),
  };
}
