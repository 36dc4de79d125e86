import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { flows } from "@/drizzle/schema";
import { DomainError } from "../../../domain-errors";
import type { WorkspaceContext } from "../../trpc";
import { compileInWorkspace, loadFlow } from "./flow-access";
import { readDocument, withIdentity } from "./flow-document";

export const saveFlowInput = z.object({
  id: z.string().uuid(),
  document: z.unknown(),
  // The revision this edit was based on: saving over a newer one (another tab, another person) is refused.
  baseRevision: z.number().int().min(1),
});

export async function saveFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof saveFlowInput> }) {
  const scope = { db: ctx.database.db, workspaceId: ctx.workspaceId };
  const parsed = readDocument(input.document);
  const document = withIdentity(parsed, input.id, parsed.settings.name.trim() || "Untitled flow");
  const { hash, diagnostics } = await compileInWorkspace(scope, document);
  const [saved] = await ctx.database.db
    .update(flows)
    .set({
      document,
      name: document.settings.name,
      draftHash: hash,
      revision: sql`${flows.revision} + 1`,
      updatedAt: new Date(),
      updatedBy: ctx.userId,
    })
    .where(and(eq(flows.id, input.id), eq(flows.workspaceId, ctx.workspaceId), eq(flows.revision, input.baseRevision)))
    .returning({ revision: flows.revision, updatedAt: flows.updatedAt });
  if (saved) return { ...saved, hash, diagnostics };
  const current = await loadFlow(scope, input.id);
  throw new DomainError(
    "conflict",
    "This flow was changed somewhere else (another tab or another person) since you opened it. Reload to get the latest version; your unsaved edits here will be lost.",
    { currentRevision: current.revision, baseRevision: input.baseRevision },
  );
}
