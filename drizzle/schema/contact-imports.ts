import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./common";
import { workspaces } from "./workspaces";

// One CSV import: the uploaded file (kept until the job has read it), the column mapping, and the
// progress the page polls. status: uploaded → queued → running → done | failed.
export const contactImports = pgTable(
  "contact_imports",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: text("status").notNull().default("uploaded"),
    // The file as UTF-8 text without a BOM; cleared once the import is done.
    fileText: text("file_text"),
    delimiter: text("delimiter").notNull().default(","),
    headers: jsonb("headers").notNull().default([]),
    // ImportSettings (mapping per column, default country, merge policy) once started.
    settings: jsonb("settings"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    merged: integer("merged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    error: text("error"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("contact_imports_workspace_idx").on(table.workspaceId, table.createdAt)],
);

// Every row an import refused, with its 1-based line in the file (the header is line 1) and why.
export const contactImportRejections = pgTable(
  "contact_import_rejections",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    importId: uuid("import_id").notNull().references(() => contactImports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    reason: text("reason").notNull(),
    // The row's cells as they were in the file, so the report can be fixed and imported again.
    cells: jsonb("cells").notNull().default([]),
  },
  (table) => [index("contact_import_rejections_import_idx").on(table.importId, table.line)],
);
