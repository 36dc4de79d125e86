import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./common";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const flows = pgTable(
  "flows",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The draft EditorDocument (flows-runtime), autosaved by the builder.
    document: jsonb("document").notNull(),
    // Bumped on every save; a save based on an older revision is refused.
    revision: integer("revision").notNull().default(1),
    publishedVersionId: uuid("published_version_id"),
    // Hash of the draft's compiled graph, to tell "published" from "unpublished changes".
    draftHash: text("draft_hash"),
    // The flow that answers when no trigger matches.
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("flows_workspace_idx").on(table.workspaceId, table.updatedAt)],
);

// Immutable: a published version is never updated, only superseded.
export const flowVersions = pgTable(
  "flow_versions",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    // "published", or "draft": a snapshot of the draft the simulator runs (version 0, never live, not
    // in the version history), so simulated sessions are pinned to a version like real ones.
    kind: text("kind").notNull().default("published"),
    graph: jsonb("graph").notNull(),
    document: jsonb("document").notNull(),
    hash: text("hash").notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("flow_versions_flow_version_idx").on(table.flowId, table.version).where(sql`kind = 'published'`),
    uniqueIndex("flow_versions_draft_hash_idx").on(table.flowId, table.hash).where(sql`kind = 'draft'`),
  ],
);
