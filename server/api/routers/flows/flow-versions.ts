import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { flowVersions, users } from "@/drizzle/schema";
import { DomainError } from "../../../domain-errors";
import type { WorkspaceContext } from "../../trpc";
import { loadFlow } from "./flow-access";

export const listVersionsInput = z.object({ id: z.string().uuid() });

export async function listVersions({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof listVersionsInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const rows = await ctx.database.db
    .select({
      id: flowVersions.id,
      version: flowVersions.version,
      hash: flowVersions.hash,
      publishedAt: flowVersions.publishedAt,
      publishedBy: users.name,
    })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.publishedBy))
    .where(and(eq(flowVersions.flowId, flow.id), eq(flowVersions.workspaceId, ctx.workspaceId), eq(flowVersions.kind, "published")))
    .orderBy(desc(flowVersions.version));
  return rows.map((row) => ({ ...row, live: row.id === flow.publishedVersionId }));
}

export const getVersionInput = z.object({ versionId: z.string().uuid() });

export async function getVersion({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof getVersionInput> }) {
  const [version] = await ctx.database.db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.id, input.versionId), eq(flowVersions.workspaceId, ctx.workspaceId), eq(flowVersions.kind, "published")));
  if (!version) throw new DomainError("not_found", "That version was not found.");
  return version;
}
