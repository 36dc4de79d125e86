import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./common";
import { contacts } from "./contacts";
import { flows, flowVersions } from "./flows";
import { users } from "./users";
import { workspaces } from "./workspaces";

// A contact's place in a flow. `state` is the engine's Session (flows-runtime), `version` guards
// concurrent writers: a write with a stale version is refused and the caller reloads and retries.
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").references(() => flowVersions.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    nodeId: text("node_id"),
    state: jsonb("state").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("sessions_contact_idx").on(table.contactId, table.status)],
);

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("open"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    team: text("team"),
    // While a human has the conversation the bot stays silent.
    botPaused: boolean("bot_paused").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (table) => [
    index("conversations_workspace_idx").on(table.workspaceId, table.status, table.updatedAt),
    // The runtime finds a contact's open conversation on every message.
    index("conversations_contact_open_idx").on(table.contactId, table.channelId, table.createdAt).where(sql`status = 'open'`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    direction: text("direction").notNull(),
    // inbound: received; outbound: queued, sent, delivered, read, failed.
    status: text("status").notNull(),
    externalId: text("external_id"),
    content: jsonb("content").notNull(),
    // Which flow and node sent it (bot messages), for the contact timeline.
    flowId: uuid("flow_id"),
    nodeId: text("node_id"),
    sentByUserId: uuid("sent_by_user_id"),
    error: text("error"),
    createdAt: createdAt(),
    // Orders messages written in the same millisecond (PGlite's clock has millisecond resolution).
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (table) => [
    uniqueIndex("messages_channel_external_idx").on(table.channelId, table.externalId),
    index("messages_contact_idx").on(table.contactId, table.createdAt),
  ],
);

// Every webhook event exactly as received, deduplicated per channel by the platform's own id.
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    // Arrival order, a tie-breaker after the platform's own timestamp.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    // The contact on the platform: the per-contact processing key (null for events without a contact).
    contactExternalId: text("contact_external_id"),
    // The platform's own timestamp, which orders a contact's events when deliveries arrive out of order.
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    error: text("error"),
  },
  (table) => [
    uniqueIndex("inbound_events_channel_dedupe_idx").on(table.channelId, table.dedupeKey),
    index("inbound_events_pending_idx")
      .on(table.channelId, table.contactExternalId, table.seq)
      .where(sql`processed_at is null`),
  ],
);

// Outbound sends, written in the same transaction as the session, drained by the sender.
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    // Stored before the API call, so a retry after a timeout never sends twice where the platform dedupes.
    idempotencyKey: text("idempotency_key").notNull().unique(),
    // Creation order: a contact's rows are sent strictly in this order.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    // pending, sending, sent, failed, unconfirmed (a call that may have reached the platform, not resent).
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    // For a pending row: not before. For a sending row: the claim's lease (past it, the sender died).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (table) => [
    index("outbox_pending_idx").on(table.status, table.nextAttemptAt),
    index("outbox_contact_idx").on(table.channelId, table.contactId, table.seq),
    // The sender's claim walks unfinished rows in creation order and checks each contact's earlier
    // unfinished rows; the full indexes made it scan every row still queued, once per claim.
    index("outbox_pending_seq_idx").on(table.seq).where(sql`status = 'pending'`),
    index("outbox_unfinished_contact_idx").on(table.channelId, table.contactId, table.seq).where(sql`status in ('pending', 'sending')`),
  ],
);
