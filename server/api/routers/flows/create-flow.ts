import { randomUUID } from "node:crypto";
import { z } from "zod";
import { flows } from "@/drizzle/schema";
import { starterTemplates, type EditorDocument } from "@/flows-runtime";
import { DomainError } from "../../../domain-errors";
import type { WorkspaceContext } from "../../trpc";
import { compileInWorkspace } from "./flow-access";
import { blankDocument, readDocument, withIdentity } from "./flow-document";

export const createFlowInput = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  templateId: z.string().optional(),
});

export async function createFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof createFlowInput> }) {
  const id = randomUUID();
  if (!input.templateId) return insertFlow(ctx, blankDocument(id, input.name ?? "Untitled flow"));
  const template = starterTemplates.find((candidate) => candidate.id === input.templateId);
  if (!template) throw new DomainError("invalid", `There is no starter template "${input.templateId}".`);
  return insertFlow(ctx, withIdentity(template.build(), id, input.name ?? template.name));
}

export const importFlowInput = z.object({ json: z.string().max(5_000_000) });

export async function importFlow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof importFlowInput> }) {
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch (error) {
    throw new DomainError("invalid", `The file is not valid JSON: ${(error as Error).message}`);
  }
  const document = readDocument(raw);
  return insertFlow(ctx, withIdentity(document, randomUUID(), document.settings.name));
}

export async function insertFlow(ctx: WorkspaceContext, document: EditorDocument) {
  const { hash } = await compileInWorkspace({ db: ctx.database.db, workspaceId: ctx.workspaceId }, document);
  const [flow] = await ctx.database.db
    .insert(flows)
    .values({
      id: document.id,
      workspaceId: ctx.workspaceId,
      name: document.settings.name,
      document,
      draftHash: hash,
      updatedBy: ctx.userId,
    })
    .returning({ id: flows.id, name: flows.name, revision: flows.revision });
  return flow!;
}
