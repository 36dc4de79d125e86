import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { fieldDefinitions, flows, flowVersions } from "@/drizzle/schema";
import { compile, hasErrors, starterTemplates } from "@/flows-runtime";
import type { Db } from "./client";

// The onboarding survey goes live so a new user can talk to it at once; the rest start as drafts.
const PUBLISHED_EXAMPLE = "onboarding-survey";

// One example flow per starter template, for a brand-new demo workspace only: a user who deletes or
// renames an example never sees it come back.
export async function seedExampleFlows(tx: Db, workspaceId: string, ownerId: string): Promise<void> {
  const fields = await tx.select({ key: fieldDefinitions.key }).from(fieldDefinitions).where(eq(fieldDefinitions.workspaceId, workspaceId));
  for (const template of starterTemplates) {
    const id = randomUUID();
    const built = template.build();
    const document = { ...built, id, settings: { ...built.settings, name: template.name } };
    const { graph, diagnostics, hash } = compile(document, { knownFields: fields.map((field) => field.key) });
    await tx.insert(flows).values({ id, workspaceId, name: template.name, document, draftHash: hash, updatedBy: ownerId });
    if (template.id !== PUBLISHED_EXAMPLE) continue;
    if (!graph || hasErrors(diagnostics)) throw new Error(`the ${template.id} starter template does not compile`);
    const [version] = await tx
      .insert(flowVersions)
      .values({ workspaceId, flowId: id, version: 1, graph, document, hash, publishedBy: ownerId })
      .returning({ id: flowVersions.id });
    await tx.update(flows).set({ publishedVersionId: version!.id, isDefault: true }).where(eq(flows.id, id));
  }
}
