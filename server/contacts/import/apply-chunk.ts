import { randomUUID } from "node:crypto";
import type { ContactPatch, NormalisedRow } from "./normalise-row";

export type Query = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;
export type ChunkCounts = { created: number; merged: number; rejected: number };
type Policy = "fill_empty" | "overwrite";

type Existing = { id: string; phone: string | null; email: string | null };
type Pending = { id: string; isNew: boolean; patch: ContactPatch };

// Writes one chunk of normalised rows inside the caller's transaction, in a fixed number of statements
// whatever the chunk size (PGlite runs ~700 statements/s). Each row is matched with an existing contact
// by E.164 phone, then by email; rows of the file that match each other (or a contact created by an
// earlier row) merge too, which is why importing the same file twice creates nothing the second time.
// Merges happen in SQL (`||` on the jsonb) so a field the pipeline wrote meanwhile is not lost.
export async function applyChunk(query: Query, workspaceId: string, importId: string, rows: NormalisedRow[], policy: Policy): Promise<ChunkCounts> {
  const accepted = rows.filter((row): row is Extract<NormalisedRow, { ok: true }> => row.ok);
  const rejected = rows.filter((row): row is Extract<NormalisedRow, { ok: false }> => !row.ok);
  const counts: ChunkCounts = { created: 0, merged: 0, rejected: rejected.length };

  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const contact of await findExisting(query, workspaceId, accepted.map((row) => row.patch))) {
    if (contact.phone && !byPhone.has(contact.phone)) byPhone.set(contact.phone, contact.id);
    if (contact.email && !byEmail.has(contact.email)) byEmail.set(contact.email, contact.id);
  }

  const pending = new Map<string, Pending>();
  for (const { patch } of accepted) {
    const matched = (patch.phone ? byPhone.get(patch.phone) : undefined) ?? (patch.email ? byEmail.get(patch.email) : undefined);
    if (!matched) {
      const id = randomUUID();
      pending.set(id, { id, isNew: true, patch: { ...patch, fields: { ...patch.fields }, tags: [...patch.tags] } });
      counts.created += 1;
      if (patch.phone) byPhone.set(patch.phone, id);
      if (patch.email) byEmail.set(patch.email, id);
      continue;
    }
    counts.merged += 1;
    const current = pending.get(matched);
    pending.set(matched, current ? { ...current, patch: combine(current.patch, patch, policy) } : { id: matched, isNew: false, patch });
    if (patch.phone && !byPhone.has(patch.phone)) byPhone.set(patch.phone, matched);
    if (patch.email && !byEmail.has(patch.email)) byEmail.set(patch.email, matched);
  }

  const all = [...pending.values()];
  const created = all.filter((entry) => entry.isNew);
  const updated = all.filter((entry) => !entry.isNew);
  if (created.length > 0) {
    await query(
      `insert into contacts (id, workspace_id, display_name, fields)
       select x.id, $1::uuid, x.display_name, x.fields from jsonb_to_recordset($2::jsonb) as x(id uuid, display_name text, fields jsonb)`,
      [workspaceId, JSON.stringify(created.map((entry) => ({ id: entry.id, display_name: entry.patch.displayName, fields: entry.patch.fields })))],
    );
  }
  if (updated.length > 0) {
    const merge =
      policy === "overwrite"
        ? `fields = c.fields || x.fields, display_name = coalesce(x.display_name, c.display_name)`
        : `fields = x.fields || c.fields, display_name = coalesce(nullif(c.display_name, ''), x.display_name)`;
    await query(
      `update contacts c set ${merge}, updated_at = now()
       from jsonb_to_recordset($2::jsonb) as x(id uuid, display_name text, fields jsonb)
       where c.id = x.id and c.workspace_id = $1::uuid`,
      [workspaceId, JSON.stringify(updated.map((entry) => ({ id: entry.id, display_name: entry.patch.displayName, fields: entry.patch.fields })))],
    );
  }
  await addTags(query, workspaceId, all);
  if (rejected.length > 0) {
    await query(
      `insert into contact_import_rejections (workspace_id, import_id, line, reason, cells)
       select $1::uuid, $2::uuid, x.line, x.reason, x.cells from jsonb_to_recordset($3::jsonb) as x(line int, reason text, cells jsonb)`,
      [workspaceId, importId, JSON.stringify(rejected.map((row) => ({ line: row.line, reason: row.reason, cells: row.cells })))],
    );
  }
  return counts;
}

// Earlier rows win gaps (fill_empty); later rows win conflicts (overwrite), as they would one by one.
function combine(earlier: ContactPatch, later: ContactPatch, policy: Policy): ContactPatch {
  const [base, top] = policy === "overwrite" ? [earlier, later] : [later, earlier];
  return {
    displayName: top.displayName ?? base.displayName,
    fields: { ...base.fields, ...top.fields },
    phone: top.phone ?? base.phone,
    email: top.email ?? base.email,
    tags: [...new Set([...earlier.tags, ...later.tags])],
  };
}

async function findExisting(query: Query, workspaceId: string, patches: ContactPatch[]): Promise<Existing[]> {
  const phones = [...new Set(patches.flatMap((patch) => (patch.phone ? [patch.phone] : [])))];
  const emails = [...new Set(patches.flatMap((patch) => (patch.email ? [patch.email] : [])))];
  if (phones.length === 0 && emails.length === 0) return [];
  // Oldest first: when a workspace already holds duplicates, rows merge into the original.
  return query<Existing>(
    `select id, fields->>'phone' as phone, lower(fields->>'email') as email from contacts
     where workspace_id = $1::uuid and is_test = false
       and ((fields->>'phone') = any(array(select jsonb_array_elements_text($2::jsonb)))
         or lower(fields->>'email') = any(array(select jsonb_array_elements_text($3::jsonb))))
     order by created_at, id`,
    [workspaceId, JSON.stringify(phones), JSON.stringify(emails)],
  );
}

// Tags by name, case-insensitively matched to existing ones; new names become tags.
async function addTags(query: Query, workspaceId: string, entries: Pending[]): Promise<void> {
  const withTags = entries.filter((entry) => entry.patch.tags.length > 0);
  if (withTags.length === 0) return;
  const names = [...new Set(withTags.flatMap((entry) => entry.patch.tags))];
  const lookup = async () =>
    query<{ id: string; name: string }>(
      `select id, name from tags where workspace_id = $1::uuid and lower(name) = any(array(select lower(jsonb_array_elements_text($2::jsonb))))
       order by created_at`,
      [workspaceId, JSON.stringify(names)],
    );
  let tags = await lookup();
  const known = new Set(tags.map((tag) => tag.name.toLowerCase()));
  const missing = [...new Map(names.filter((name) => !known.has(name.toLowerCase())).map((name) => [name.toLowerCase(), name])).values()];
  if (missing.length > 0) {
    await query(
      `insert into tags (workspace_id, name) select $1::uuid, n from jsonb_array_elements_text($2::jsonb) as n on conflict do nothing`,
      [workspaceId, JSON.stringify(missing)],
    );
    tags = await lookup();
  }
  const idByName = new Map<string, string>();
  for (const tag of tags) if (!idByName.has(tag.name.toLowerCase())) idByName.set(tag.name.toLowerCase(), tag.id);
  const links = withTags.flatMap((entry) =>
    entry.patch.tags.flatMap((name) => {
      const tagId = idByName.get(name.toLowerCase());
      return tagId ? [{ contact_id: entry.id, tag_id: tagId }] : [];
    }),
  );
  await query(
    `insert into contact_tags (workspace_id, contact_id, tag_id)
     select $1::uuid, x.contact_id, x.tag_id from jsonb_to_recordset($2::jsonb) as x(contact_id uuid, tag_id uuid)
     on conflict do nothing`,
    [workspaceId, JSON.stringify(links)],
  );
}
