import { sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import type { Database } from "../db/client";
import { contactFilterCondition } from "./contact-filter-condition";
import { contactFilterSchema } from "./contact-filter";
import { loadTag } from "./load-tag";
import { runSql } from "./run-sql";

export const bulkTagInput = z.object({
  filter: contactFilterSchema.default({ tagMode: "any" }),
  tagId: z.string().uuid(),
  action: z.enum(["add", "remove"]),
});

// Adds or removes one tag on every contact the filter matches, in one statement however many there are.
// Returns how many contacts changed (contacts that already had / lacked the tag are not counted).
export async function bulkTag(database: Database, workspaceId: string, rawInput: z.input<typeof bulkTagInput>): Promise<{ changed: number }> {
  const input = bulkTagInput.parse(rawInput);
  const tag = await loadTag(database.db, workspaceId, input.tagId);
  const where = await contactFilterCondition(database.db, workspaceId, input.filter);
  const statement =
    input.action === "add"
      ? sql`with changed as (
          insert into contact_tags (workspace_id, contact_id, tag_id)
          select ${contacts.workspaceId}, ${contacts.id}, ${tag.id}::uuid from ${contacts} where ${where}
          on conflict do nothing returning 1)
        select count(*)::int as changed from changed`
      : sql`with changed as (
          delete from contact_tags ct using ${contacts}
          where ct.contact_id = ${contacts.id} and ct.tag_id = ${tag.id}::uuid and ${where} returning 1)
        select count(*)::int as changed from changed`;
  const [row] = await runSql<{ changed: number }>(database, statement);
  return { changed: Number(row?.changed ?? 0) };
}
