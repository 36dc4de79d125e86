import { and, asc, eq, gt, sql } from "drizzle-orm";
import { contacts, fieldDefinitions } from "@/drizzle/schema";
import type { Database } from "../../db/client";
import { contactFilterCondition } from "../contact-filter-condition";
import type { ContactFilterInput } from "../contact-filter";
import { csvLine } from "./csv-line";

const PAGE = 1000;
const builtIns = ["first_name", "last_name", "phone", "email"] as const;

// Every contact the filter matches as CSV lines, a page at a time (keyset on id, so memory stays flat at
// 100,000 contacts). The header uses the import's own names (name, phone, field keys, tags), so an
// exported file maps itself when imported again. Starts with a UTF-8 BOM so Excel reads Japanese right.
export async function* exportContactsCsv(database: Database, workspaceId: string, filter: ContactFilterInput): AsyncGenerator<string> {
  const db = database.db;
  const condition = await contactFilterCondition(db, workspaceId, filter);
  const fields = await db
    .select({ key: fieldDefinitions.key })
    .from(fieldDefinitions)
    .where(eq(fieldDefinitions.workspaceId, workspaceId))
    .orderBy(asc(fieldDefinitions.key));
  const customKeys = fields.map((field) => field.key).filter((key) => !(builtIns as readonly string[]).includes(key));
  yield `\ufeff${csvLine(["name", ...builtIns, ...customKeys, "tags", "created_at"])}`;
  let after: string | null = null;
  for (;;) {
    const page = await db
      .select({
        id: contacts.id,
        displayName: contacts.displayName,
        fields: contacts.fields,
        createdAt: contacts.createdAt,
        tags: sql<string | null>`(select string_agg(t.name, ', ' order by t.name) from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = ${contacts.id})`,
      })
      .from(contacts)
      .where(after ? and(condition, gt(contacts.id, after)) : condition)
      .orderBy(asc(contacts.id))
      .limit(PAGE);
    if (page.length === 0) return;
    let chunk = "";
    for (const contact of page) {
      const values = (contact.fields ?? {}) as Record<string, unknown>;
      chunk += csvLine([
        contact.displayName,
        ...builtIns.map((key) => values[key]),
        ...customKeys.map((key) => values[key]),
        contact.tags,
        new Date(contact.createdAt).toISOString(),
      ]);
    }
    yield chunk;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}
