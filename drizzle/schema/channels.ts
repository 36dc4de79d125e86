import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";
import { workspaces } from "./workspaces";

export const channels = pgTable(
  "channels",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    // A ChannelType from flows-runtime (whatsapp, messenger, ..., webchat, simulator).
    type: text("type").notNull(),
    name: text("name").notNull(),
    status: text("status").notNull().default("active"),
    // Platform credentials (tokens, app secret), encrypted at rest; never sent to the browser in full.
    credentialsEncrypted: text("credentials_encrypted"),
    // Verify token / webhook secret used for the platform's handshake.
    webhookSecretEncrypted: text("webhook_secret_encrypted"),
    // Public key for the web-chat widget's <script> tag.
    publicKey: text("public_key").unique(),
    // Override of the platform's API base URL (local fakes, proxies).
    apiBaseUrl: text("api_base_url"),
    config: jsonb("config").notNull().default({}),
    lastWebhookAt: timestamp("last_webhook_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("channels_workspace_idx").on(table.workspaceId)],
);
