import { openConversationsCtes, toRecord, type ContactRecord, type ConversationRecord, type IdentityRow } from "./contact-records";
import { contactStateColumns, toContactState, type ContactState, type ContactStateRow } from "./contact-state";
import type { Tx } from "./transaction";
import { batchPerTurn } from "./turn-batch";

export type Arrived = { contact: ContactRecord; conversation: ConversationRecord; state: ContactState };

type ArrivalInput = { channel: { id: string; workspaceId: string }; externalId: string; profileName: string | undefined; at: Date | undefined; inbound: object | undefined };

// A known contact's message: the contact is recorded as having written (the messaging window, consent
// to reply), its open conversation found or opened with the message stored in it, and its session,
// fields and tags read for the step. This runs on every message, so it is one statement for all the
// contacts of a transaction that arrive in the same turn (batchPerTurn). Null for a contact seen for
// the first time: createContact makes it.
export function recordArrival(
  tx: Tx,
  channel: { id: string; workspaceId: string },
  externalId: string,
  profileName: string | undefined,
  at: Date | undefined,
  inbound: object | undefined,
): Promise<Arrived | null> {
  return recordArrivals(tx, { channel, externalId, profileName, at, inbound });
}

const recordArrivals = batchPerTurn(async (tx: Tx, inputs: ArrivalInput[]): Promise<(Arrived | null)[]> => {
  const rows = await tx.query<IdentityRow & ContactStateRow & { n: number; conversation_id: string; bot_paused: boolean }>(
    `with arrival as (
       select * from jsonb_to_recordset($1::jsonb) as a(n int, channel_id uuid, workspace_id uuid, external_id text, profile_name text, at timestamptz, inbound jsonb)
     ), identity as (
       update contact_identities ci set last_inbound_at = coalesce(a.at, now()), opted_in = true, profile_name = coalesce(a.profile_name, ci.profile_name)
       from arrival a where ci.channel_id = a.channel_id and ci.external_id = a.external_id
       returning a.n, a.workspace_id, a.inbound, ci.channel_id, ci.id, ci.contact_id, ci.last_inbound_at, ci.opted_out_at, ci.opted_in, ci.profile_name
     ),
     ${openConversationsCtes("identity")}
     select i.n, i.id, i.contact_id, i.last_inbound_at, i.opted_out_at, i.opted_in, i.profile_name,
       c.id as conversation_id, c.bot_paused, ${contactStateColumns("i.contact_id")}
     from identity i join conversation c on c.n = i.n`,
    [
      JSON.stringify(
        inputs.map((input, n) => ({
          n,
          channel_id: input.channel.id,
          workspace_id: input.channel.workspaceId,
          external_id: input.externalId,
          profile_name: input.profileName ?? null,
          at: input.at?.toISOString() ?? null,
          inbound: input.inbound ?? null,
        })),
      ),
    ],
  );
  const arrived: (Arrived | null)[] = inputs.map(() => null);
  for (const row of rows) {
    const input = inputs[row.n]!;
    arrived[row.n] = {
      contact: toRecord(row, input.channel, input.externalId, false),
      conversation: { id: row.conversation_id, botPaused: row.bot_paused },
      state: toContactState(row),
    };
  }
  return arrived;
});
