import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./common";
import { workspaces } from "./workspaces";

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    displayName: text("display_name"),
    // Built-in (first_name, last_name, phone, email, locale, timezone) and custom fields by stable key.
    fields: jsonb("fields").notNull().default({}),
    // Simulator contacts never appear in contact lists or analytics.
    isTest: boolean("is_test").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("contacts_workspace_idx").on(table.workspaceId, table.createdAt)],
);

// One row per (channel, platform contact id): how a contact is reached on each channel.
export const contactIdentities = pgTable(
  "contact_identities",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    profileName: text("profile_name"),
    // Opens the WhatsApp/Messenger 24 h and WeChat 48 h windows.
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }),
    optedIn: boolean("opted_in").notNull().default(false),
    // SMS STOP, LINE unfollow, Viber unsubscribe, Telegram block.
    optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("contact_identities_channel_external_idx").on(table.channelId, table.externalId),
    index("contact_identities_contact_idx").on(table.contactId),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("slate"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("tags_workspace_name_idx").on(table.workspaceId, table.name)],
);

export const contactTags = pgTable(
  "contact_tags",
  {
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.contactId, table.tagId] }), index("contact_tags_tag_idx").on(table.tagId)],
);
