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

type IdentityRow = {
  id: string;
  contact_id: string;
  last_inbound_at: Date | string | null;
  opted_out_at: Date | string | null;
  opted_in: boolean;
  profile_name: string | null;
};

export async function findContact(tx: Tx, channel: { id: string; workspaceId: string }, externalId: string): Promise<ContactRecord | null> {
  const [row] = await tx.query<IdentityRow>(
    "select id, contact_id, last_inbound_at, opted_out_at, opted_in, profile_name from contact_identities where channel_id = $1 and external_id = $2",
    [channel.id, externalId],
  );
  return row ? toRecord(row, channel, externalId, false) : null;
}

// Contacts are found or created by (channel, platform contact id). A profile name fills the
// display name, and the first word of it `first_name` when the contact has none yet.
export async function findOrCreateContact(
  tx: Tx,
  channel: { id: string; workspaceId: string },
  externalId: string,
  profileName: string | undefined,
): Promise<ContactRecord> {
  const existing = await findContact(tx, channel, externalId);
  if (existing) {
    if (profileName) {
      await tx.query("update contact_identities set profile_name = $2 where id = $1 and profile_name is distinct from $2", [existing.identityId, profileName]);
    }
    return existing;
  }
  const firstName = profileName?.trim().split(/\s+/u)[0];
  const fields = firstName ? { first_name: firstName } : {};
  // The per-contact advisory lock makes this the only writer for this identity, so no race to lose.
  const [row] = await tx.query<IdentityRow>(
    `with c as (
       insert into contacts (workspace_id, display_name, fields) values ($1, $2, $3::jsonb) returning id
     )
     insert into contact_identities (workspace_id, contact_id, channel_id, external_id, profile_name)
     select $1, c.id, $4, $5, $2 from c
     returning id, contact_id, last_inbound_at, opted_out_at, opted_in, profile_name`,
    [channel.workspaceId, profileName ?? null, JSON.stringify(fields), channel.id, externalId],
  );
  if (!row) throw new Error("contact insert returned nothing");
  return toRecord(row, channel, externalId, true);
}

// An inbound message opens the messaging window and is consent to reply (not to marketing).
// `at` is a simulation's clock; real contacts write at the database's now().
export async function recordInbound(tx: Tx, contact: ContactRecord, at?: Date): Promise<void> {
  const [row] = await tx.query<{ last_inbound_at: Date | string }>(
    "update contact_identities set last_inbound_at = coalesce($2::timestamptz, now()), opted_in = true where id = $1 returning last_inbound_at",
    [contact.identityId, at?.toISOString() ?? null],
  );
  contact.lastInboundAt = row ? new Date(row.last_inbound_at) : new Date();
  contact.optedIn = true;
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

// The contact's open conversation on this channel, opened when there is none.
export async function openConversation(tx: Tx, contact: ContactRecord): Promise<ConversationRecord> {
  const [found] = await tx.query<{ id: string; bot_paused: boolean }>(
    `update conversations set updated_at = now()
     where id = (select id from conversations where contact_id = $1 and channel_id = $2 and status = 'open' order by created_at desc limit 1)
     returning id, bot_paused`,
    [contact.contactId, contact.channelId],
  );
  if (found) return { id: found.id, botPaused: found.bot_paused };
  const [created] = await tx.query<{ id: string }>(
    "insert into conversations (workspace_id, contact_id, channel_id) values ($1, $2, $3) returning id",
    [contact.workspaceId, contact.contactId, contact.channelId],
  );
  return { id: created!.id, botPaused: false };
}

export async function findOpenConversation(tx: Tx, contact: ContactRecord): Promise<ConversationRecord | null> {
  const [found] = await tx.query<{ id: string; bot_paused: boolean }>(
    "select id, bot_paused from conversations where contact_id = $1 and channel_id = $2 and status = 'open' order by created_at desc limit 1",
    [contact.contactId, contact.channelId],
  );
  return found ? { id: found.id, botPaused: found.bot_paused } : null;
}

export async function contactSnapshotData(tx: Tx, contactId: string): Promise<{ fields: Record<string, unknown>; tags: string[] }> {
  const [row] = await tx.query<{ fields: Record<string, unknown>; tags: string[] | null }>(
    `select c.fields, array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id order by t.name) as tags
     from contacts c where c.id = $1`,
    [contactId],
  );
  return { fields: row?.fields ?? {}, tags: row?.tags ?? [] };
}

function toRecord(row: IdentityRow, channel: { id: string; workspaceId: string }, externalId: string, isNew: boolean): ContactRecord {
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
