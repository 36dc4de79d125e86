import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts, fieldDefinitions } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../domain-errors";
import { BUILT_IN_FIELD_TYPES } from "./field-value";

export const fieldTypeSchema = z.enum(["text", "number", "email", "phone", "date", "single_choice", "multiple_choice"]);
const choiceTypes = new Set(["single_choice", "multiple_choice"]);
const optionsSchema = z.array(z.string().trim().min(1).max(100)).max(100).default([]);

export const createFieldInput = z.object({
  // Flows and templates use the key ({{contact.company_size}}); it never changes after creation.
  key: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, "Use lower-case letters, digits and _ (starting with a letter), like company_size."),
  label: z.string().trim().min(1).max(100),
  type: fieldTypeSchema,
  options: optionsSchema,
});

export const updateFieldInput = z.object({ id: z.string().uuid(), label: z.string().trim().min(1).max(100).optional(), options: optionsSchema.optional() });

export type FieldDefinitionRow = { id: string; key: string; label: string; type: z.infer<typeof fieldTypeSchema>; options: string[]; contactCount: number };

export async function listFieldDefinitions(db: Db, workspaceId: string): Promise<FieldDefinitionRow[]> {
  const rows = await db
    .select({
      id: fieldDefinitions.id,
      key: fieldDefinitions.key,
      label: fieldDefinitions.label,
      type: fieldDefinitions.type,
      options: fieldDefinitions.options,
      // Contacts holding a value, the number shown before a delete.
      // (qualified by hand: drizzle prints a one-table select's columns unqualified, even inside a subquery).
      contactCount: sql<number>`(select count(*)::int from contacts c where c.workspace_id = ${workspaceId}::uuid and c.is_test = false and c.fields ? "field_definitions"."key")`,
    })
    .from(fieldDefinitions)
    .where(eq(fieldDefinitions.workspaceId, workspaceId))
    .orderBy(asc(fieldDefinitions.label));
  return rows.map((row) => ({ ...row, options: (row.options ?? []) as string[], contactCount: Number(row.contactCount) }));
}

export async function createFieldDefinition(db: Db, workspaceId: string, rawInput: z.input<typeof createFieldInput>) {
  const input = createFieldInput.parse(rawInput);
  if (input.key in BUILT_IN_FIELD_TYPES || input.key === "name" || input.key === "tags") {
    throw new DomainError("conflict", `"${input.key}" is a built-in contact field; choose another key.`);
  }
  checkOptions(input.type, input.options);
  const [created] = await db
    .insert(fieldDefinitions)
    .values({ workspaceId, key: input.key, label: input.label, type: input.type, options: choiceTypes.has(input.type) ? input.options : [] })
    .onConflictDoNothing({ target: [fieldDefinitions.workspaceId, fieldDefinitions.key] })
    .returning();
  if (!created) throw new DomainError("conflict", `A field with the key "${input.key}" already exists.`);
  return created;
}

// The label and the choices may change; the key and the type never do (flows and stored values use them).
export async function updateFieldDefinition(db: Db, workspaceId: string, rawInput: z.input<typeof updateFieldInput>) {
  const input = updateFieldInput.parse(rawInput);
  const field = await loadFieldDefinition(db, workspaceId, input.id);
  if (input.options) checkOptions(field.type, input.options);
  const [updated] = await db
    .update(fieldDefinitions)
    .set({ ...(input.label ? { label: input.label } : {}), ...(input.options && choiceTypes.has(field.type) ? { options: input.options } : {}) })
    .where(and(eq(fieldDefinitions.id, field.id), eq(fieldDefinitions.workspaceId, workspaceId)))
    .returning();
  return updated!;
}

// Deletes the definition and the value from every contact; returns how many contacts had one.
export async function deleteFieldDefinition(db: Db, workspaceId: string, id: string): Promise<{ id: string; clearedContacts: number }> {
  const field = await loadFieldDefinition(db, workspaceId, id);
  return db.transaction(async (tx) => {
    const cleared = await tx
      .update(contacts)
      .set({ fields: sql`${contacts.fields} - ${field.key}::text`, updatedAt: new Date() })
      .where(and(eq(contacts.workspaceId, workspaceId), sql`${contacts.fields} ? ${field.key}`))
      .returning({ id: contacts.id });
    await tx.delete(fieldDefinitions).where(and(eq(fieldDefinitions.id, field.id), eq(fieldDefinitions.workspaceId, workspaceId)));
    return { id: field.id, clearedContacts: cleared.length };
  });
}

export async function loadFieldDefinition(db: Db, workspaceId: string, id: string) {
  const [field] = await db.select().from(fieldDefinitions).where(and(eq(fieldDefinitions.id, id), eq(fieldDefinitions.workspaceId, workspaceId)));
  if (!field) throw notFound("That field");
  return field;
}

function checkOptions(type: string, options: readonly string[]) {
  if (!choiceTypes.has(type)) return;
  if (options.length === 0) throw new DomainError("invalid", "A choice field needs at least one choice.");
  if (new Set(options).size !== options.length) throw new DomainError("invalid", "Each choice must be different.");
}
