import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts, contactTags, fieldDefinitions } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { DomainError } from "../domain-errors";
import { BUILT_IN_FIELD_TYPES, validateFieldValue, type FieldShape, type FieldType } from "./field-value";
import { loadContact } from "./load-contact";
import { loadTag } from "./load-tag";

export const setContactFieldInput = z.object({
  contactId: z.string().uuid(),
  key: z.string().trim().min(1).max(64),
  value: z.union([z.string(), z.number(), z.array(z.string()), z.null()]),
  // For phone numbers typed without a country code.
  defaultCountry: z.string().length(2).optional(),
});

// Sets (or, with an empty value, clears) one field after checking it against the field's type.
export async function setContactField(db: Db, workspaceId: string, rawInput: z.input<typeof setContactFieldInput>) {
  const input = setContactFieldInput.parse(rawInput);
  const contact = await loadContact(db, workspaceId, input.contactId);
  const field = await fieldShape(db, workspaceId, input.key);
  const result = validateFieldValue(field, input.value, { defaultCountry: input.defaultCountry });
  if (!result.ok) throw new DomainError("invalid", result.message, { key: input.key });
  const fields =
    result.value === null
      ? sql`${contacts.fields} - ${input.key}::text`
      : sql`${contacts.fields} || jsonb_build_object(${input.key}::text, ${JSON.stringify(result.value)}::jsonb)`;
  const [updated] = await db
    .update(contacts)
    .set({ fields, updatedAt: new Date() })
    .where(and(eq(contacts.id, contact.id), eq(contacts.workspaceId, workspaceId)))
    .returning({ fields: contacts.fields });
  return { key: input.key, value: result.value, fields: updated!.fields as Record<string, unknown> };
}

async function fieldShape(db: Db, workspaceId: string, key: string): Promise<FieldShape> {
  const builtIn = BUILT_IN_FIELD_TYPES[key];
  if (builtIn) return { type: builtIn, label: key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) };
  const [definition] = await db
    .select()
    .from(fieldDefinitions)
    .where(and(eq(fieldDefinitions.workspaceId, workspaceId), eq(fieldDefinitions.key, key)));
  if (!definition) throw new DomainError("invalid", `There is no contact field "${key}": create it under Contacts → Fields first.`, { key });
  return { type: definition.type as FieldType, options: (definition.options ?? []) as string[], label: definition.label };
}

export const contactTagInput = z.object({ contactId: z.string().uuid(), tagId: z.string().uuid() });

export async function addContactTag(db: Db, workspaceId: string, rawInput: z.input<typeof contactTagInput>) {
  const input = contactTagInput.parse(rawInput);
  const [contact, tag] = await Promise.all([loadContact(db, workspaceId, input.contactId), loadTag(db, workspaceId, input.tagId)]);
  await db.insert(contactTags).values({ workspaceId, contactId: contact.id, tagId: tag.id }).onConflictDoNothing();
  return { contactId: contact.id, tagId: tag.id };
}

export async function removeContactTag(db: Db, workspaceId: string, rawInput: z.input<typeof contactTagInput>) {
  const input = contactTagInput.parse(rawInput);
  const contact = await loadContact(db, workspaceId, input.contactId);
  await db
    .delete(contactTags)
    .where(and(eq(contactTags.contactId, contact.id), eq(contactTags.tagId, input.tagId), eq(contactTags.workspaceId, workspaceId)));
  return { contactId: contact.id, tagId: input.tagId };
}

export const renameContactInput = z.object({ contactId: z.string().uuid(), displayName: z.string().trim().max(200) });

export async function renameContact(db: Db, workspaceId: string, rawInput: z.input<typeof renameContactInput>) {
  const input = renameContactInput.parse(rawInput);
  const contact = await loadContact(db, workspaceId, input.contactId);
  await db
    .update(contacts)
    .set({ displayName: input.displayName || null, updatedAt: new Date() })
    .where(and(eq(contacts.id, contact.id), eq(contacts.workspaceId, workspaceId)));
  return { contactId: contact.id };
}
