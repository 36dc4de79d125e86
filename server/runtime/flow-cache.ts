import { flowGraphSchema, workspaceSettingsSchema, type FlowGraph, type WorkspaceSettings } from "@/flows-runtime";
import type { Database } from "../db/client";
import type { Tx } from "./transaction";

type Querier = Pick<Tx, "query">;

// A published version never changes, so its parsed graph is cached for the life of the process.
const graphs = new Map<string, Promise<FlowGraph>>();
const MAX_GRAPHS = 2_000;

export function graphForVersion(db: Querier, versionId: string): Promise<FlowGraph> {
  let graph = graphs.get(versionId);
  if (!graph) {
    if (graphs.size >= MAX_GRAPHS) graphs.delete(graphs.keys().next().value as string);
    graph = db.query<{ graph: unknown }>("select graph from flow_versions where id = $1", [versionId]).then(([row]) => {
      if (!row) throw new Error(`flow version ${versionId} not found`);
      return flowGraphSchema.parse(row.graph);
    });
    graph.catch(() => graphs.delete(versionId));
    graphs.set(versionId, graph);
  }
  return graph;
}

export type PublishedFlow = { flowId: string; versionId: string; isDefault: boolean; graph: FlowGraph };
export type WorkspaceRuntimeView = { flows: PublishedFlow[]; settings: WorkspaceSettings };

// Which flows are live and the workspace's settings change rarely; a second of staleness after a
// publish saves two queries per message.
const TTL_MS = 1_000;
const views = new WeakMap<Database, Map<string, { at: number; value: Promise<WorkspaceRuntimeView> }>>();

export function workspaceView(database: Database, workspaceId: string): Promise<WorkspaceRuntimeView> {
  let cache = views.get(database);
  if (!cache) views.set(database, (cache = new Map()));
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadView(database, workspaceId);
  value.catch(() => cache.delete(workspaceId));
  cache.set(workspaceId, { at: Date.now(), value });
  return value;
}

export function forgetWorkspaceView(database: Database, workspaceId: string): void {
  views.get(database)?.delete(workspaceId);
}

async function loadView(database: Database, workspaceId: string): Promise<WorkspaceRuntimeView> {
  const [rows, [workspace]] = await Promise.all([
    database.query<{ id: string; published_version_id: string; is_default: boolean }>(
      `select id, published_version_id, is_default from flows
       where workspace_id = $1 and published_version_id is not null order by created_at, id`,
      [workspaceId],
    ),
    database.query<{ time_zone: string; settings: Record<string, unknown> | null }>(
      "select time_zone, settings from workspaces where id = $1",
      [workspaceId],
    ),
  ]);
  const flows = await Promise.all(
    rows.map(async (row) => ({
      flowId: row.id,
      versionId: row.published_version_id,
      isDefault: row.is_default,
      graph: await graphForVersion(database, row.published_version_id),
    })),
  );
  const parsed = workspaceSettingsSchema.safeParse({ schedules: [], ...(workspace?.settings ?? {}), timeZone: workspace?.time_zone ?? "UTC" });
  const settings = parsed.success ? parsed.data : { timeZone: workspace?.time_zone ?? "UTC", schedules: [] };
  return { flows, settings };
}
