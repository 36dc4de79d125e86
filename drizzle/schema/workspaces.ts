import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";

export const workspaces = pgTable("workspaces", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("UTC"),
  // Business-hours calendars and other workspace-wide settings (validated by zod in server/).
  settings: jsonb("settings").notNull().default({}),
  createdAt: createdAt(),
});
