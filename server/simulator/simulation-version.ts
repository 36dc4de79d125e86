import type { EditorDocument } from "@/flows-runtime";
import { compileInWorkspace, loadFlow } from "../api/routers/flows/flow-access";
import type { Database } from "../db/client";
import { DomainError } from "../domain-errors";

// The flow version a simulation runs. The draft is compiled now and stored as a draft snapshot (one per
// distinct graph), so the simulated session is pinned to it like a real session to its version; a
// draft whose graph cannot be built at all is refused with the compiler's diagnostics.
export async function simulationVersion(
  database: Database,
  scope: { workspaceId: string; userId: string },
  flowId: string,
  version: "draft" | string,
): Promise<{ versionId: string; label: string }> {
  const flow = await loadFlow({ db: database.db, workspaceId: scope.workspaceId }, flowId);
  if (version !== "draft") {
    const [row] = await database.query<{ id: string; version: number }>(
      "select id, version from flow_versions where id = $1 and flow_id = $2 and workspace_id = $3 and kind = 'published'",
      [version, flow.id, scope.workspaceId],
    );
    if (!row) throw new DomainError("not_found", "That published version was not found.");
    return { versionId: row.id, label: `version ${row.version}` };
  }
  const document = flow.document as EditorDocument;
  const { graph, diagnostics, hash } = await compileInWorkspace({ db: database.db, workspaceId: scope.workspaceId }, document);
  if (!graph) {
    throw new DomainError("invalid", "This draft cannot be simulated until its errors are fixed.", { diagnostics: diagnostics.filter((d) => d.severity === "error") });
  }
  const [row] = await database.query<{ id: string }>(
    `insert into flow_versions (workspace_id, flow_id, version, kind, graph, document, hash, published_by)
     values ($1, $2, 0, 'draft', $3::jsonb, $4::jsonb, $5, $6)
     on conflict (flow_id, hash) where kind = 'draft' do update set published_at = now()
     returning id`,
    [scope.workspaceId, flow.id, JSON.stringify(graph), JSON.stringify(document), hash, scope.userId],
  );
  return { versionId: row!.id, label: "draft" };
}
