import { desc, eq } from "drizzle-orm";
import { flows, flowVersions } from "@/drizzle/schema";
import type { EditorDocument } from "@/flows-runtime";
import type { WorkspaceContext } from "../../trpc";

export type FlowStatus = "draft" | "published" | "changed";

export async function listFlows({ ctx }: { ctx: WorkspaceContext }) {
  const rows = await ctx.database.db
    .select({
      id: flows.id,
      name: flows.name,
      revision: flows.revision,
      document: flows.document,
      draftHash: flows.draftHash,
      updatedAt: flows.updatedAt,
      publishedVersionId: flows.publishedVersionId,
      publishedHash: flowVersions.hash,
      publishedVersion: flowVersions.version,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(eq(flows.workspaceId, ctx.workspaceId))
    .orderBy(desc(flows.updatedAt));
  return rows.map(({ document, draftHash, publishedHash, ...row }) => ({
    ...row,
    channels: (document as EditorDocument).settings?.channels ?? [],
    nodeCount: Object.keys((document as EditorDocument).nodes ?? {}).length,
    status: (!publishedHash ? "draft" : publishedHash === draftHash ? "published" : "changed") as FlowStatus,
  }));
}
