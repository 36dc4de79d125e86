import { and, eq } from "drizzle-orm";
import { fieldDefinitions, flows } from "@/drizzle/schema";
import { compile, type EditorDocument } from "@/flows-runtime";
import type { Db } from "../../../db/client";
import { notFound } from "../../../domain-errors";

type Scope = { db: Db; workspaceId: string };

export async function loadFlow({ db, workspaceId }: Scope, flowId: string) {
  const [flow] = await db.select().from(flows).where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)));
  if (!flow) throw notFound("That flow");
  return flow;
}

// compile() with what only the server knows: the workspace's custom fields and its other flows (jumps).
export async function compileInWorkspace({ db, workspaceId }: Scope, document: EditorDocument) {
  const [fieldRows, flowRows] = await Promise.all([
    db
      .select({ key: fieldDefinitions.key, type: fieldDefinitions.type, options: fieldDefinitions.options })
      .from(fieldDefinitions)
      .where(eq(fieldDefinitions.workspaceId, workspaceId)),
    db.select({ id: flows.id }).from(flows).where(eq(flows.workspaceId, workspaceId)),
  ]);
  return compile(document, {
    // With their types, so a question or set_field writing the wrong kind of value gets a warning.
    knownFields: fieldRows.map((row) => ({ key: row.key, type: row.type, options: (row.options ?? []) as string[] })),
    knownFlowIds: flowRows.map((row) => row.id),
  });
}
