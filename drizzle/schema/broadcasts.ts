import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id } from "./common";
import { contacts } from "./contacts";
import { workspaces } from "./workspaces";

export const broadcasts = pgTable(
  "broadcasts",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    status: text("status").notNull().default("draft"),
    // The segment filter the recipients were chosen by, and the message (or template) to send.
    audience: jsonb("audience").notNull().default({}),
    message: jsonb("message").notNull().default({}),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("broadcasts_workspace_idx").on(table.workspaceId)],
);

export const broadcastRecipients = pgTable(
  "broadcast_recipients",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    broadcastId: uuid("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("broadcast_recipients_unique_idx").on(table.broadcastId, table.contactId)],
);
