import { desc, eq } from "drizzle-orm";
import { flows } from "@/drizzle/schema";
import type { WorkspaceContext } from "../../trpc";

export async function listFlows({ ctx }: { ctx: WorkspaceContext }) {
  return ctx.database.db
    .select({
      id: flows.id,
      name: flows.name,
      revision: flows.revision,
      publishedVersionId: flows.publishedVersionId,
      updatedAt: flows.updatedAt,
    })
    .from(flows)
    .where(eq(flows.workspaceId, ctx.workspaceId))
    .orderBy(desc(flows.updatedAt));
}
