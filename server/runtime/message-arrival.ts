import { identityColumns, openConversationCtes, RECORD_ARRIVAL, toRecord, type ContactRecord, type ConversationRecord, type IdentityRow } from "./contact-records";
import { contactStateColumns, toContactState, type ContactState, type ContactStateRow } from "./contact-state";
import type { Tx } from "./transaction";

export type Arrived = { contact: ContactRecord; conversation: ConversationRecord; state: ContactState };

// A known contact's message, in one statement: the contact is recorded as having written (the
// messaging window, consent to reply), its open conversation found or opened with the message stored
// in it, and its session, fields and tags read for the step. This runs on every message, so it is one
// round trip instead of two. Null for a contact seen for the first time: createContact makes it.
export async function recordArrival(
  tx: Tx,
  channel: { id: string; workspaceId: string },
  externalId: string,
  profileName: string | undefined,
  at: Date | undefined,
  inbound: object | undefined,
): Promise<Arrived | null> {
  const [row] = await tx.query<IdentityRow & ContactStateRow & { conversation_id: string; bot_paused: boolean }>(
    `with identity as (${RECORD_ARRIVAL} returning ${identityColumns}), ${openConversationCtes("(select contact_id from identity)", "$1::uuid", "$5::uuid", "$6")}
     select i.*, conversation.id as conversation_id, conversation.bot_paused, ${contactStateColumns("i.contact_id")}
     from identity i, conversation`,
    [channel.id, externalId, at?.toISOString() ?? null, profileName ?? null, channel.workspaceId, inbound ? JSON.stringify(inbound) : null],
  );
  if (!row) return null;
  return { contact: toRecord(row, channel, externalId, false), conversation: { id: row.conversation_id, botPaused: row.bot_paused }, state: toContactState(row) };
}
