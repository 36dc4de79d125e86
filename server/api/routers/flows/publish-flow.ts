import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { flows, flowVersions } from "@/drizzle/schema";
import { hasErrors, type FlowGraph, type EditorDocument } from "@/flows-runtime";
import type { Db } from "../../../db/client";
import { DomainError } from "../../../domain-errors";
import type { WorkspaceContext } from "../../trpc";
import { compileInWorkspace, loadFlow } from "./flow-access";

export const publishFlowInput = z.object({ id: z.string().uuid() });

// Compiles the draft, refuses while it has errors, and stores an immutable version.
export async function publishFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof publishFlowInput> }) {
  const scope = { db: ctx.database.db, workspaceId: ctx.workspaceId };
  const flow = await loadFlow(scope, input.id);
  const document = flow.document as EditorDocument;
  const { graph, diagnostics, hash } = await compileInWorkspace(scope, document);
  if (!graph || hasErrors(diagnostics)) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    throw new DomainError("invalid", `This flow has ${errors.length} error${errors.length === 1 ? "" : "s"} to fix before it can be published.`, {
      diagnostics: errors,
    });
  }
  return insertVersion(ctx, flow.id, { graph, document, hash });
}

export const rollbackFlowInput = z.object({ id: z.string().uuid(), versionId: z.string().uuid() });

// Publishes an earlier version again, as a new version: history stays linear and nothing is rewritten.
export async function rollbackFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof rollbackFlowInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const [old] = await ctx.database.db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.id, input.versionId), eq(flowVersions.flowId, flow.id), eq(flowVersions.workspaceId, ctx.workspaceId), eq(flowVersions.kind, "published")));
  if (!old) throw new DomainError("not_found", "That version was not found.");
  return insertVersion(ctx, flow.id, { graph: old.graph as FlowGraph, document: old.document as EditorDocument, hash: old.hash, rolledBackFrom: old.version });
}

async function insertVersion(
  ctx: WorkspaceContext,
  flowId: string,
  content: { graph: FlowGraph; document: EditorDocument; hash: string; rolledBackFrom?: number },
) {
  return ctx.database.db.transaction(async (tx) => {
    // Serialise publishers of the same flow so version numbers never collide.
    await tx.select({ id: flows.id }).from(flows).where(eq(flows.id, flowId)).for("update");
    const next = (await latestVersionNumber(tx as unknown as Db, flowId)) + 1;
    const [version] = await tx
      .insert(flowVersions)
      .values({
        workspaceId: ctx.workspaceId,
        flowId,
        version: next,
        graph: content.graph,
        document: content.document,
        hash: content.hash,
        publishedBy: ctx.userId,
      })
      .returning();
    await tx.update(flows).set({ publishedVersionId: version!.id }).where(eq(flows.id, flowId));
    return { id: version!.id, version: version!.version, hash: version!.hash, publishedAt: version!.publishedAt, rolledBackFrom: content.rolledBackFrom ?? null };
  });
}

async function latestVersionNumber(db: Db, flowId: string): Promise<number> {
  const [latest] = await db
    .select({ version: flowVersions.version })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.kind, "published")))
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return latest?.version ?? 0;
}
