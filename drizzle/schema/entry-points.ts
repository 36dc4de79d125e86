import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id } from "./common";
import { flows } from "./flows";
import { workspaces } from "./workspaces";

// A named way into a conversation (deep link, QR code, ad referral) on one channel. The platform hands
// the `ref` back on the first event (m.me ?ref=, t.me ?start=, Viber context, WeChat scene, wa.me text),
// which is how a contact is attributed to the entry point it came through.
export const entryPoints = pgTable(
  "entry_points",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    ref: text("ref").notNull(),
    // The flow this entry point opens (shown on the page and used for "reached the end" counts).
    flowId: uuid("flow_id").references(() => flows.id, { onDelete: "set null" }),
    // WhatsApp and SMS: the text the contact's app fills in; it carries the ref.
    prefilledText: text("prefilled_text"),
    // The channel's public handle when its credentials do not hold it: WhatsApp/SMS number, Page or
    // Instagram username, LINE basic id, Viber chat URI, web chat page URL.
    target: text("target"),
    // WeChat: the URL WeChat returned for the permanent parametric QR code (QR_LIMIT_STR_SCENE).
    qrUrl: text("qr_url"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("entry_points_channel_ref_idx").on(table.channelId, table.ref),
    index("entry_points_workspace_idx").on(table.workspaceId, table.createdAt),
  ],
);

