import type { NormalisedEvent } from "../channels/channel-adapter";
import type { Tx } from "./transaction";

// Statuses only move forward: a late "delivered" never undoes a "read" (webhooks arrive out of order).
const rank: Record<string, number> = { queued: 0, unconfirmed: 0, sent: 1, failed: 1.5, delivered: 2, read: 3 };

// A delivery/read/failed webhook for one of our outbound messages. It also settles a send whose
// outcome we did not know (`unconfirmed`: the worker died mid-call): the platform saying anything
// about it proves it arrived, and it is never resent.
export async function reconcileStatus(tx: Tx, channelId: string, event: NormalisedEvent): Promise<void> {
  const status = event.status;
  if (!status) return;
  const watermark = watermarkOf(status.externalMessageId);
  if (watermark !== null) return reconcileWatermark(tx, channelId, event, status.status, watermark);
  const [known] = await tx.query<{ id: string; status: string }>(
    "select id, status from messages where channel_id = $1 and external_id = $2 and direction = 'outbound'",
    [channelId, status.externalMessageId],
  );
  if (known) {
    if ((rank[status.status] ?? 0) > (rank[known.status] ?? 0)) {
      await tx.query("update messages set status = $2, error = case when $2 = 'failed' then $3 else error end where id = $1", [
        known.id,
        status.status,
        status.error ?? "the platform reported the message as failed",
      ]);
    }
    if (known.status === "unconfirmed") await confirmOutbox(tx, known.id);
    return;
  }
  // A status for an id we never learned: the answer to a call that timed out or whose worker died.
  // The contact's oldest unconfirmed message is the one it can be about.
  const externalId = event.contact?.externalId;
  if (!externalId) return;
  const [orphan] = await tx.query<{ id: string }>(
    `select m.id from messages m
     join contact_identities ci on ci.contact_id = m.contact_id and ci.channel_id = m.channel_id
     where m.channel_id = $1 and ci.external_id = $2 and m.status = 'unconfirmed' and m.external_id is null
     order by m.seq limit 1`,
    [channelId, externalId],
  );
  if (!orphan) return;
  await tx.query("update messages set status = $2, external_id = $3, error = null where id = $1", [
    orphan.id,
    status.status === "failed" ? "failed" : status.status,
    status.externalMessageId,
  ]);
  await confirmOutbox(tx, orphan.id);
}

async function confirmOutbox(tx: Tx, messageId: string): Promise<void> {
  await tx.query("update outbox set status = 'sent', last_error = null where message_id = $1 and status = 'unconfirmed'", [messageId]);
}

// Messenger reports reads (and some deliveries) as "everything up to this time": every outbound message
// to that contact on that channel created by then and accepted by the platform moves forward.
const WATERMARK_PREFIX = "watermark:";

function watermarkOf(externalMessageId: string): Date | null {
  if (!externalMessageId.startsWith(WATERMARK_PREFIX)) return null;
  const ms = Number(externalMessageId.slice(WATERMARK_PREFIX.length));
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}

async function reconcileWatermark(tx: Tx, channelId: string, event: NormalisedEvent, status: string, watermark: Date): Promise<void> {
  const externalId = event.contact?.externalId;
  if (!externalId || (status !== "read" && status !== "delivered")) return;
  // Not `failed` (it never arrived) nor `queued`/`unconfirmed` (the platform may not have it).
  const movable = status === "read" ? ["sent", "delivered"] : ["sent"];
  await tx.query(
    `update messages m set status = $4
     from contact_identities ci
     where ci.channel_id = $1 and ci.external_id = $2 and m.contact_id = ci.contact_id and m.channel_id = $1
       and m.direction = 'outbound' and m.created_at <= $3 and m.status = any($5::text[])`,
    [channelId, externalId, watermark.toISOString(), status, movable],
  );
}
