import { and, asc, desc, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { channels, contactIdentities, contacts, contactTags, tags } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { contactFilterCondition } from "./contact-filter-condition";
import { contactFilterSchema } from "./contact-filter";
import { decodeContactCursor, encodeContactCursor } from "./contact-cursor";
import { contactDisplayName } from "./display-name";

export const contactSortSchema = z.object({
  by: z.enum(["name", "created", "last_activity"]).default("created"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type ContactSort = z.infer<typeof contactSortSchema>;

export const listContactsInput = z.object({
  filter: contactFilterSchema.default({ tagMode: "any" }),
  sort: contactSortSchema.default({ by: "created", direction: "desc" }),
  // From the previous page's nextCursor; pages follow one index (see the contacts schema), so page 2,000
  // costs what page 1 does.
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListContactsInput = z.input<typeof listContactsInput>;

export type ContactListRow = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  fields: Record<string, unknown>;
  tags: { id: string; name: string; color: string }[];
  channelTypes: string[];
  createdAt: string;
  lastActivityAt: string;
};

const sortColumns = { name: contacts.sortName, created: contacts.createdAt, last_activity: contacts.lastActivityAt } as const;
const sortCasts = { name: sql`text`, created: sql`timestamptz`, last_activity: sql`timestamptz` } as const;

export async function listContacts(db: Db, workspaceId: string, rawInput: ListContactsInput): Promise<{ contacts: ContactListRow[]; nextCursor: string | null }> {
  const input = listContactsInput.parse(rawInput);
  const column = sortColumns[input.sort.by];
  const conditions: SQL[] = [await contactFilterCondition(db, workspaceId, input.filter)];
  const cursor = input.cursor ? decodeContactCursor(input.cursor) : null;
  if (cursor) {
    const after = input.sort.direction === "asc" ? sql`>` : sql`<`;
    conditions.push(sql`(${column}, ${contacts.id}) ${after} (${cursor.v}::${sortCasts[input.sort.by]}, ${cursor.id}::uuid)`);
  }
  const order = input.sort.direction === "asc" ? asc : desc;
  const rows = await db
    .select({
      id: contacts.id,
      displayName: contacts.displayName,
      fields: contacts.fields,
      createdAt: contacts.createdAt,
      lastActivityAt: contacts.lastActivityAt,
      sortValue: sql<string>`${column}::text`,
    })
    .from(contacts)
    .where(and(...conditions))
    .orderBy(order(column), order(contacts.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeContactCursor({ v: last.sortValue ?? "", id: last.id }) : null;
  const ids = page.map((row) => row.id);
  const [tagRows, channelRows] = ids.length === 0 ? [[], []] : await Promise.all([
    db
      .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, sql`${tags.id} = ${contactTags.tagId}`)
      .where(inArray(contactTags.contactId, ids))
      .orderBy(asc(tags.name)),
    db
      .selectDistinct({ contactId: contactIdentities.contactId, type: channels.type })
      .from(contactIdentities)
      .innerJoin(channels, sql`${channels.id} = ${contactIdentities.channelId}`)
      .where(inArray(contactIdentities.contactId, ids)),
  ]);

  return {
    nextCursor,
    contacts: page.map((row) => {
      const fields = (row.fields ?? {}) as Record<string, unknown>;
      return {
        id: row.id,
        name: contactDisplayName(row.displayName, fields),
        phone: typeof fields.phone === "string" ? fields.phone : null,
        email: typeof fields.email === "string" ? fields.email : null,
        fields,
        tags: tagRows.filter((tag) => tag.contactId === row.id).map(({ id, name, color }) => ({ id, name, color })),
        channelTypes: [...new Set(channelRows.filter((channel) => channel.contactId === row.id).map((channel) => channel.type))].sort(),
        createdAt: row.createdAt.toISOString(),
        lastActivityAt: row.lastActivityAt.toISOString(),
      };
    }),
  };
}

export async function countContacts(db: Db, workspaceId: string, filter: z.input<typeof contactFilterSchema>): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(await contactFilterCondition(db, workspaceId, filter));
  return Number(row?.count ?? 0);
}
