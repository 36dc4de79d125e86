import { eq } from "drizzle-orm";
import { z } from "zod";
import { flowVersions } from "@/drizzle/schema";
import { editorDocumentSchema } from "@/flows-runtime";
import type { WorkspaceContext } from "../../trpc";
import { loadFlow } from "./flow-access";

export const getFlowInput = z.object({ id: z.string().uuid() });

export async function getFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof getFlowInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const [published] = flow.publishedVersionId
    ? await ctx.database.db.select().from(flowVersions).where(eq(flowVersions.id, flow.publishedVersionId))
    : [];
  return {
    id: flow.id,
    name: flow.name,
    revision: flow.revision,
    document: editorDocumentSchema.parse(flow.document),
    updatedAt: flow.updatedAt,
    published: published ? { id: published.id, version: published.version, hash: published.hash, publishedAt: published.publishedAt } : null,
    draftHash: flow.draftHash,
  };
}
