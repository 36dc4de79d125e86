import { and, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import { channelTypeSchema } from "@/flows-runtime";

export const fieldOperatorSchema = z.enum(["equals", "contains", "greater", "less", "is_set"]);
export type FieldOperator = z.infer<typeof fieldOperatorSchema>;

export const fieldConditionSchema = z.object({
  key: z.string().trim().min(1).max(64),
  operator: fieldOperatorSchema.default("equals"),
  // Compared as a number when both sides are numbers, as text otherwise (ISO dates compare as text).
  value: z.union([z.string(), z.number()]).transform(String).default(""),
});
export type FieldCondition = z.infer<typeof fieldConditionSchema>;

// Which contacts: the Contacts page's filter bar, a saved segment, a broadcast's audience, a CSV export.
// Every part narrows the set (AND); within tags, `tagMode` says whether any or all of them must be on.
export const contactFilterSchema = z.object({
  search: z.string().trim().max(200).optional(),
  tagIds: z.array(z.string().uuid()).max(100).optional(),
  tagMode: z.enum(["any", "all"]).default("any"),
  fields: z.array(fieldConditionSchema).max(20).optional(),
  channelTypes: z.array(channelTypeSchema).max(20).optional(),
  entryPointIds: z.array(z.string().uuid()).max(100).optional(),
  segmentId: z.string().uuid().optional(),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;
export type ContactFilterInput = z.input<typeof contactFilterSchema>;

// The WHERE condition over `contacts` for a filter, always scoped to the workspace and never matching test
// (simulator) contacts. Use it in `db.select().from(contacts).where(contactFilterSql(filter, workspaceId))`
// or inside a `sql` query that selects `from contacts`. A filter naming a segment needs that segment's
// filter passed as `segment` (contactFilterCondition() in contact-filter-condition.ts loads it).
export function contactFilterSql(filter: ContactFilterInput, workspaceId: string, resolved: { segment?: ContactFilterInput | null } = {}): SQL {
  const parsed = contactFilterSchema.parse(filter);
  const conditions: SQL[] = [sql`${contacts.workspaceId} = ${workspaceId}`, sql`${contacts.isTest} = false`];
  conditions.push(...filterConditions(parsed));
  if (parsed.segmentId) {
    if (resolved.segment === undefined) throw new Error("contactFilterSql: the filter names a segment; pass its filter (see contactFilterCondition)");
    // A deleted segment matches nobody rather than everybody.
    if (resolved.segment === null) conditions.push(sql`false`);
    else conditions.push(...filterConditions(contactFilterSchema.parse({ ...resolved.segment, segmentId: undefined })));
  }
  return and(...conditions)!;
}

// What the database computes for search_text: NFKC, lower case.
export function normaliseSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

function filterConditions(filter: ContactFilter): SQL[] {
  const conditions: SQL[] = [];
  const search = filter.search ? normaliseSearch(filter.search) : "";
  if (search !== "") conditions.push(searchCondition(search));
  if (filter.tagIds && filter.tagIds.length > 0) conditions.push(tagCondition(filter.tagIds, filter.tagMode));
  for (const field of filter.fields ?? []) conditions.push(fieldCondition(field));
  if (filter.channelTypes && filter.channelTypes.length > 0) {
    conditions.push(sql`exists (select 1 from contact_identities ci join channels ch on ch.id = ci.channel_id
      where ci.contact_id = ${contacts.id} and ch.type in (${list(filter.channelTypes)}))`);
  }
  if (filter.entryPointIds && filter.entryPointIds.length > 0) {
    conditions.push(sql`${contacts.entryPointId} in (${list(filter.entryPointIds)})`);
  }
  return conditions;
}

// Every word must appear somewhere (name, any field value); a phone-like query also matches the phone's
// digits, without the national trunk 0 ("090-1234-5678" finds +819012345678).
function searchCondition(search: string): SQL {
  const words = search.split(/\s+/u).filter(Boolean);
  const wordConditions = words.map((word) => sql`${contacts.searchText} like ${`%${escapeLike(word)}%`}`);
  const textMatch = and(...wordConditions)!;
  const digits = search.replace(/[^0-9]/g, "");
  if (/^[+0-9\s().-]+$/.test(search) && digits.length >= 6) {
    const national = digits.replace(/^0+/, "");
    return sql`(${textMatch} or ${contacts.searchText} like ${`%${national}%`})`;
  }
  return textMatch;
}

function tagCondition(tagIds: readonly string[], mode: "any" | "all"): SQL {
  const unique = [...new Set(tagIds)];
  if (mode === "any") {
    return sql`exists (select 1 from contact_tags ct where ct.contact_id = ${contacts.id} and ct.tag_id in (${list(unique)}))`;
  }
  return sql`(select count(*) from contact_tags ct where ct.contact_id = ${contacts.id} and ct.tag_id in (${list(unique)})) = ${unique.length}`;
}

function fieldCondition({ key, operator, value }: FieldCondition): SQL {
  const text = sql`(${contacts.fields} ->> ${key}::text)`;
  const numeric = /^\s*-?\d+(\.\d+)?\s*$/.test(value);
  switch (operator) {
    case "is_set":
      return sql`coalesce(${text}, '') not in ('', '[]')`;
    case "equals": {
      // Containment uses the GIN index; the array form matches one value of a multiple-choice field.
      const candidates: Record<string, unknown>[] = [{ [key]: value }, { [key]: [value] }];
      if (numeric) candidates.push({ [key]: Number(value) }, { [key]: [Number(value)] });
      return sql`(${sql.join(
        candidates.map((candidate) => sql`${contacts.fields} @> ${JSON.stringify(candidate)}::jsonb`),
        sql` or `,
      )})`;
    }
    case "contains":
      return sql`lower(normalize(${text}, NFKC)) like ${`%${escapeLike(normaliseSearch(value))}%`}`;
    case "greater":
    case "less": {
      const op = operator === "greater" ? sql`>` : sql`<`;
      if (numeric) {
        return sql`(case when ${text} ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' then ${text}::numeric ${op} ${value}::numeric else false end)`;
      }
      return sql`(${text} ${op} ${value}::text)`;
    }
  }
}

function list(values: readonly string[]): SQL {
  return sql.join(values.map((value) => sql`${value}`), sql`, `);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
