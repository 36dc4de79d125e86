import type { Session } from "@/flows-runtime";
import type { Tx } from "./transaction";

export type ContactData = { fields: Record<string, unknown>; tags: string[] };
export type StoredSession = { id: string; flowId: string; versionId: string; state: Session; version: number };
export type ContactState = { session: StoredSession | null; data: ContactData };

type SessionRow = { id: string; flow_id: string; flow_version_id: string | null; state: Session; version: number };
export type ContactStateRow = { fields: Record<string, unknown> | null; tags: string[] | null; session: SessionRow | null };

// What a message needs before its step: the session it may resume, and the contact's fields and tags
// the engine sees. Columns for the statement that opens the conversation (one round trip fewer on
// every message); `contactId` is the SQL expression naming the contact there.
export function contactStateColumns(contactId: string): string {
  return `${contactDataColumns(contactId)},
  (select to_jsonb(s) from (
     select id, flow_id, flow_version_id, state, version from sessions
     where contact_id = ${contactId} and status = 'waiting' order by updated_at desc limit 1
   ) s) as session`;
}

function contactDataColumns(contactId: string): string {
  return `(select c.fields from contacts c where c.id = ${contactId}) as fields,
  array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = ${contactId} order by t.name) as tags`;
}

// The fields and tags alone (a jump into another flow, the simulator's "after").
export async function contactSnapshotData(tx: Tx, contactId: string): Promise<ContactData> {
  const [row] = await tx.query<ContactStateRow>(`select ${contactDataColumns("$1::uuid")}`, [contactId]);
  return toContactState(row).data;
}

export function toContactState(row: ContactStateRow | undefined): ContactState {
  return { session: storedSession(row?.session ?? undefined), data: { fields: row?.fields ?? {}, tags: row?.tags ?? [] } };
}

export async function waitingSession(tx: Tx, contactId: string): Promise<StoredSession | null> {
  const [row] = await tx.query<SessionRow>(
    `select id, flow_id, flow_version_id, state, version from sessions
     where contact_id = $1 and status = 'waiting' order by updated_at desc limit 1`,
    [contactId],
  );
  return storedSession(row);
}

function storedSession(row: SessionRow | undefined): StoredSession | null {
  if (!row || !row.flow_version_id) return null;
  return { id: row.id, flowId: row.flow_id, versionId: row.flow_version_id, state: row.state, version: row.version };
}
