import { jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";
import { workspaces } from "./workspaces";

export const fieldType = pgEnum("field_type", [
  "text",
  "number",
  "email",
  "phone",
  "date",
  "single_choice",
  "multiple_choice",
]);

export const fieldDefinitions = pgTable(
  "field_definitions",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    // Stable key used by flows and templates ({{contact.company}}); the label may change freely.
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: fieldType("type").notNull(),
    options: jsonb("options").notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("field_definitions_workspace_key_idx").on(table.workspaceId, table.key)],
);
