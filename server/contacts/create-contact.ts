import { z } from "zod";
import { contacts, contactTags } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { DomainError } from "../domain-errors";
import { setContactField } from "./edit-contact";
import { loadTag } from "./load-tag";

export const createContactInput = z.object({
  displayName: z.string().trim().max(200).optional(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).default({}),
  tagIds: z.array(z.string().uuid()).max(50).default([]),
  defaultCountry: z.string().length(2).optional(),
});

// A contact added by hand: every field goes through the same typed check as an edit on the profile.
export async function createContact(db: Db, workspaceId: string, rawInput: z.input<typeof createContactInput>): Promise<{ id: string }> {
  const input = createContactInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    for (const tagId of input.tagIds) await loadTag(scoped, workspaceId, tagId);
    const [created] = await tx.insert(contacts).values({ workspaceId, displayName: input.displayName || null }).returning({ id: contacts.id });
    if (!created) throw new DomainError("invalid", "The contact could not be created.");
    for (const [key, value] of Object.entries(input.fields)) {
      await setContactField(scoped, workspaceId, { contactId: created.id, key, value, defaultCountry: input.defaultCountry });
    }
    if (input.tagIds.length > 0) {
      await tx.insert(contactTags).values(input.tagIds.map((tagId) => ({ workspaceId, contactId: created.id, tagId }))).onConflictDoNothing();
    }
    return { id: created.id };
  });
}
