import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contactTags, tags } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { DomainError } from "../domain-errors";
import { loadTag } from "./load-tag";

export const tagColors = ["slate", "red", "orange", "amber", "emerald", "teal", "sky", "indigo", "violet", "rose"] as const;
const tagName = z.string().trim().min(1).max(60);

export const createTagInput = z.object({ name: tagName, color: z.enum(tagColors).default("slate") });
export const updateTagInput = z.object({ id: z.string().uuid(), name: tagName.optional(), color: z.enum(tagColors).optional() });
export const mergeTagsInput = z.object({ sourceId: z.string().uuid(), targetId: z.string().uuid() });

export async function listTags(db: Db, workspaceId: string) {
  const rows = await db
    .select({
      id: tags.id,
      name: tags.name,
      color: tags.color,
      // Qualified by hand: drizzle prints a one-table select's columns unqualified, even inside a subquery.
      contactCount: sql<number>`(select count(*)::int from contact_tags ct join contacts c on c.id = ct.contact_id
        where ct.tag_id = "tags"."id" and c.is_test = false)`,
    })
    .from(tags)
    .where(eq(tags.workspaceId, workspaceId))
    .orderBy(asc(tags.name));
  return rows.map((row) => ({ ...row, contactCount: Number(row.contactCount) }));
}

export async function createTag(db: Db, workspaceId: string, rawInput: z.input<typeof createTagInput>) {
  const input = createTagInput.parse(rawInput);
  const [created] = await db.insert(tags).values({ workspaceId, name: input.name, color: input.color }).onConflictDoNothing().returning();
  if (!created) throw new DomainError("conflict", `A tag named "${input.name}" already exists.`);
  return created;
}

// Renames or recolours. Flows refer to tags by name, so a rename is shown with a warning in the UI.
export async function updateTag(db: Db, workspaceId: string, rawInput: z.input<typeof updateTagInput>) {
  const input = updateTagInput.parse(rawInput);
  const tag = await loadTag(db, workspaceId, input.id);
  if (input.name && input.name !== tag.name) {
    const [clash] = await db.select({ id: tags.id }).from(tags).where(and(eq(tags.workspaceId, workspaceId), eq(tags.name, input.name)));
    if (clash) throw new DomainError("conflict", `A tag named "${input.name}" already exists: merge the two instead.`);
  }
  const [updated] = await db
    .update(tags)
    .set({ ...(input.name ? { name: input.name } : {}), ...(input.color ? { color: input.color } : {}) })
    .where(and(eq(tags.id, tag.id), eq(tags.workspaceId, workspaceId)))
    .returning();
  return updated!;
}

// Source's contacts get the target (a contact that had both keeps one row), then the source is deleted.
export async function mergeTags(db: Db, workspaceId: string, rawInput: z.input<typeof mergeTagsInput>) {
  const input = mergeTagsInput.parse(rawInput);
  if (input.sourceId === input.targetId) throw new DomainError("invalid", "Choose two different tags to merge.");
  const [source, target] = await Promise.all([loadTag(db, workspaceId, input.sourceId), loadTag(db, workspaceId, input.targetId)]);
  return db.transaction(async (tx) => {
    const moved = await tx
      .insert(contactTags)
      .select(
        tx
          .select({ workspaceId: contactTags.workspaceId, contactId: contactTags.contactId, tagId: sql<string>`${target.id}::uuid`.as("tag_id"), createdAt: contactTags.createdAt })
          .from(contactTags)
          .where(eq(contactTags.tagId, source.id)),
      )
      .onConflictDoNothing()
      .returning({ contactId: contactTags.contactId });
    const removed = await tx.delete(contactTags).where(eq(contactTags.tagId, source.id)).returning({ contactId: contactTags.contactId });
    await tx.delete(tags).where(and(eq(tags.id, source.id), eq(tags.workspaceId, workspaceId)));
    return { targetId: target.id, movedContacts: moved.length, sourceContacts: removed.length };
  });
}

export async function deleteTag(db: Db, workspaceId: string, id: string): Promise<{ id: string; removedFromContacts: number }> {
  const tag = await loadTag(db, workspaceId, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(contactTags).where(eq(contactTags.tagId, tag.id));
    // contact_tags rows go with it (on delete cascade).
    await tx.delete(tags).where(and(eq(tags.id, tag.id), eq(tags.workspaceId, workspaceId)));
    return { id: tag.id, removedFromContacts: Number(row?.count ?? 0) };
  });
}
