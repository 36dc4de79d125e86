import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./common";
import { entryPoints } from "./entry-points";
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
    // The first entry point (link / QR / ad) the contact came through; set once by the pipeline.
    entryPointId: uuid("entry_point_id").references(() => entryPoints.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Last message in or out (kept by a trigger on messages, to the minute): the "last activity" sort.
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    // What the Contacts page searches and sorts by, computed by the database so every writer (webhooks,
    // imports, edits) keeps them right: NFKC + lower case, so "ｙａｍａｄａ" finds "Yamada".
    searchText: text("search_text").generatedAlwaysAs(contactSearchText),
    sortName: text("sort_name").generatedAlwaysAs(contactSortName),
  },
  (table) => [
    index("contacts_workspace_idx").on(table.workspaceId, table.createdAt),
    // Keyset pagination: one index per sort, ending in id so pages never skip or repeat a contact.
    index("contacts_created_page_idx").on(table.workspaceId, table.createdAt, table.id),
    index("contacts_name_page_idx").on(table.workspaceId, table.sortName, table.id),
    index("contacts_activity_page_idx").on(table.workspaceId, table.lastActivityAt, table.id),
    // Field "equals" filters and segments use `fields @> {...}`.
    index("contacts_fields_idx").using("gin", sql`${table.fields} jsonb_path_ops`),
    // CSV import merges by phone (E.164) or email (lower case): one index lookup per chunk of rows.
    index("contacts_phone_idx").on(table.workspaceId, sql`(${table.fields}->>'phone')`),
    index("contacts_email_idx").on(table.workspaceId, sql`lower(${table.fields}->>'email')`),
    index("contacts_entry_point_idx").on(table.entryPointId),
  ],
);

// Display name, every field value, and the phone's digits alone (so "090 1234 5678" style searches match).
function contactSearchText() {
  return sql`lower(normalize(coalesce(display_name, '') || ' ' || jsonb_path_query_array(fields, '$.*')::text || ' ' || regexp_replace(coalesce(fields->>'phone', ''), '[^0-9]', '', 'g'), NFKC))`;
}

function contactSortName() {
  return sql`lower(normalize(coalesce(nullif(display_name, ''), nullif(trim(coalesce(fields->>'first_name', '') || ' ' || coalesce(fields->>'last_name', '')), ''), fields->>'email', fields->>'phone', ''), NFKC))`;
}

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
