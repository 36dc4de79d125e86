import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { flows } from "@/drizzle/schema";
import type { EditorDocument } from "@/flows-runtime";
import type { WorkspaceContext } from "../../trpc";
import { insertFlow } from "./create-flow";
import { loadFlow } from "./flow-access";
import { withIdentity } from "./flow-document";

export const renameFlowInput = z.object({ id: z.string().uuid(), name: z.string().trim().min(1).max(120) });

export async function renameFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof renameFlowInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const document = withIdentity(flow.document as EditorDocument, flow.id, input.name);
  const [renamed] = await ctx.database.db
    .update(flows)
    .set({ name: input.name, document, revision: sql`${flows.revision} + 1`, updatedAt: new Date(), updatedBy: ctx.userId })
    .where(and(eq(flows.id, flow.id), eq(flows.workspaceId, ctx.workspaceId)))
    .returning({ id: flows.id, name: flows.name, revision: flows.revision });
  return renamed!;
}

export const flowIdInput = z.object({ id: z.string().uuid() });

export async function duplicateFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof flowIdInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  return insertFlow(ctx, withIdentity(flow.document as EditorDocument, randomUUID(), `Copy of ${flow.name}`));
}

export async function deleteFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof flowIdInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  await ctx.database.db.delete(flows).where(and(eq(flows.id, flow.id), eq(flows.workspaceId, ctx.workspaceId)));
  return { id: flow.id };
}

export async function exportFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof flowIdInput> }) {
  const flow = await loadFlow({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const fileName = `${flow.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "flow"}.kaiwa.json`;
  return { fileName, json: JSON.stringify(flow.document, null, 2) };
}
