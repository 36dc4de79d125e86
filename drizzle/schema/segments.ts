import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./common";
import { workspaces } from "./workspaces";

// A saved contact filter (server/contacts/contact-filter.ts validates `filter`), counted live and used by
// the Contacts page and broadcasts.
export const segments = pgTable(
  "segments",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filter: jsonb("filter").notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("segments_workspace_name_idx").on(table.workspaceId, table.name),
    index("segments_workspace_idx").on(table.workspaceId),
  ],
);
