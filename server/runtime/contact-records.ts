import { contactStateColumns, toContactState, type ContactState, type ContactStateRow } from "./contact-state";
import type { Tx } from "./transaction";

// The contact behind one (channel, platform id), as the processing transaction sees it.
export type ContactRecord = {
  contactId: string;
  identityId: string;
  workspaceId: string;
  channelId: string;
  externalId: string;
  lastInboundAt: Date | null;
  optedOutAt: Date | null;
  // Consent to be messaged first (a follow, an opt-in, an import with consent); writing in is consent to replies.
  optedIn: boolean;
  // Created by this event: the "new contact" triggers apply.
  isNew: boolean;
};

export type IdentityRow = {
  id: string;
  contact_id: string;
  last_inbound_at: Date | string | null;
  opted_out_at: Date | string | null;
  opted_in: boolean;
  profile_name: string | null;
};

export const identityColumns = "id, contact_id, last_inbound_at, opted_out_at, opted_in, profile_name";

export async function findContact(tx: Tx, channel: { id: string; workspaceId: string }, externalId: string): Promise<ContactRecord | null> {
  const [row] = await tx.query<IdentityRow>(`select ${identityColumns} from contact_identities where channel_id = $1 and external_id = $2`, [channel.id, externalId]);
  return row ? toRecord(row, channel, externalId, false) : null;
}

// The contact wrote in (or followed): that opens the messaging window and is consent to reply (not to
// marketing). `at` is a simulation's clock; real contacts write at the database's now().
export type Arrival = { at?: Date };

// Contacts are found or created by (channel, platform contact id). A profile name fills the
// display name, and the first word of it `first_name` when the contact has none yet. With an
// arrival, finding the contact and recording it are one statement.
export async function findOrCreateContact(
  tx: Tx,
  channel: { id: string; workspaceId: string },
  externalId: string,
  profileName: string | undefined,
  arrival?: Arrival,
): Promise<ContactRecord> {
  const [existing] = arrival
    ? await tx.query<IdentityRow>(`${RECORD_ARRIVAL} returning ${identityColumns}`, [channel.id, externalId, arrival.at?.toISOString() ?? null, profileName ?? null])
    : await tx.query<IdentityRow>(
        `update contact_identities set profile_name = coalesce($3, profile_name)
         where channel_id = $1 and external_id = $2 returning ${identityColumns}`,
        [channel.id, externalId, profileName ?? null],
      );
  if (existing) return toRecord(existing, channel, externalId, false);
  return createContact(tx, channel, externalId, profileName, arrival);
}

// The identity ($1 channel, $2 external id) has written in: at $3 (a simulation's clock) or now, with
// $4 as its latest profile name. Its batched form is in recordArrival.
const RECORD_ARRIVAL = `update contact_identities set last_inbound_at = coalesce($3::timestamptz, now()), opted_in = true, profile_name = coalesce($4, profile_name)
  where channel_id = $1 and external_id = $2`;

// A contact seen for the first time on this channel.
export async function createContact(
  tx: Tx,
  channel: { id: string; workspaceId: string },
  externalId: string,
  profileName: string | undefined,
  arrival?: Arrival,
): Promise<ContactRecord> {
  const at = arrival?.at?.toISOString() ?? null;
  const firstName = profileName?.trim().split(/\s+/u)[0];
  const fields = firstName ? { first_name: firstName } : {};
  // The per-contact advisory lock makes this the only writer for this identity, so no race to lose.
  const [row] = await tx.query<IdentityRow>(
    `with c as (
       insert into contacts (workspace_id, display_name, fields) values ($1, $2, $3::jsonb) returning id
     )
     insert into contact_identities (workspace_id, contact_id, channel_id, external_id, profile_name, last_inbound_at, opted_in)
     select $1, c.id, $4, $5, $2, case when $6 then coalesce($7::timestamptz, now()) end, $6 from c
     returning ${identityColumns}`,
    [channel.workspaceId, profileName ?? null, JSON.stringify(fields), channel.id, externalId, arrival !== undefined, at],
  );
  if (!row) throw new Error("contact insert returned nothing");
  return toRecord(row, channel, externalId, true);
}

export async function setOptOut(tx: Tx, contact: ContactRecord, optedOut: boolean): Promise<void> {
  const [row] = await tx.query<{ opted_out_at: Date | string | null }>(
    optedOut
      ? "update contact_identities set opted_out_at = coalesce(opted_out_at, now()), opted_in = false where id = $1 returning opted_out_at"
      : "update contact_identities set opted_out_at = null, opted_in = true where id = $1 returning opted_out_at",
    [contact.identityId],
  );
  contact.optedOutAt = row?.opted_out_at ? new Date(row.opted_out_at) : null;
  contact.optedIn = !optedOut;
}

export type ConversationRecord = { id: string; botPaused: boolean };

// The contact's open conversation on this channel, opened when there is none; with `inbound`, the
// contact's message is stored in it by the same statement (the inbox and the contact's timeline).
export async function openConversation(tx: Tx, contact: ContactRecord, inbound?: object): Promise<ConversationRecord> {
  const { conversation } = await openConversationReading(tx, contact, inbound, false);
  return conversation;
}

// The same, also reading the contact's state for the step about to run, in the same statement.
export async function openConversationWithState(tx: Tx, contact: ContactRecord, inbound?: object): Promise<{ conversation: ConversationRecord; state: ContactState }> {
  const { conversation, row } = await openConversationReading(tx, contact, inbound, true);
  return { conversation, state: toContactState(row) };
}

// Each contact's open conversation found (and touched) or opened, and with `inbound` not null the
// contact's message stored in it: CTEs ending in `conversation` (n, id, bot_paused), over a relation
// `contacts` with one row per contact (n, workspace_id, contact_id, channel_id, inbound). Shared by
// recordArrival, which takes a turn's contacts at once, and openConversation, which takes one.
export function openConversationsCtes(contacts: string): string {
  return `open_conversation as (
       select distinct on (i.n) i.n, c.id from ${contacts} i
       join conversations c on c.contact_id = i.contact_id and c.channel_id = i.channel_id and c.status = 'open'
       order by i.n, c.created_at desc
     ), found as (
       update conversations c set updated_at = now() from open_conversation o where c.id = o.id returning o.n, c.id, c.bot_paused
     ), created as (
       insert into conversations (workspace_id, contact_id, channel_id)
       select i.workspace_id, i.contact_id, i.channel_id from ${contacts} i where not exists (select 1 from open_conversation o where o.n = i.n)
       returning id, contact_id, channel_id, bot_paused
     ), conversation as (
       select n, id, bot_paused from found
       union all select i.n, c.id, c.bot_paused from created c join ${contacts} i on i.contact_id = c.contact_id and i.channel_id = c.channel_id
     ), message as (
       insert into messages (workspace_id, conversation_id, contact_id, channel_id, direction, status, content, created_at)
       select i.workspace_id, c.id, i.contact_id, i.channel_id, 'inbound', 'received', i.inbound, clock_timestamp()
       from ${contacts} i join conversation c on c.n = i.n where i.inbound is not null order by i.n
     )`;
}

async function openConversationReading(tx: Tx, contact: ContactRecord, inbound: object | undefined, withState: boolean) {
  const [row] = await tx.query<{ id: string; bot_paused: boolean } & ContactStateRow>(
    `with one_contact as (select 0 as n, $3::uuid as workspace_id, $1::uuid as contact_id, $2::uuid as channel_id, $4::jsonb as inbound),
     ${openConversationsCtes("one_contact")}
     select id, bot_paused${withState ? `, ${contactStateColumns("$1::uuid")}` : ""} from conversation`,
    [contact.contactId, contact.channelId, contact.workspaceId, inbound ? JSON.stringify(inbound) : null],
  );
  if (!row) throw new Error("conversation upsert returned nothing");
  return { conversation: { id: row.id, botPaused: row.bot_paused }, row };
}

export async function findOpenConversation(tx: Tx, contact: ContactRecord): Promise<ConversationRecord | null> {
  const [found] = await tx.query<{ id: string; bot_paused: boolean }>(
    "select id, bot_paused from conversations where contact_id = $1 and channel_id = $2 and status = 'open' order by created_at desc limit 1",
    [contact.contactId, contact.channelId],
  );
  return found ? { id: found.id, botPaused: found.bot_paused } : null;
}

export function toRecord(row: IdentityRow, channel: { id: string; workspaceId: string }, externalId: string, isNew: boolean): ContactRecord {
  return {
    contactId: row.contact_id,
    identityId: row.id,
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    externalId,
    lastInboundAt: row.last_inbound_at ? new Date(row.last_inbound_at) : null,
    optedOutAt: row.opted_out_at ? new Date(row.opted_out_at) : null,
    optedIn: row.opted_in,
    isNew,
  };
}
