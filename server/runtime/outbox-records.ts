import type { Database } from "../db/client";
import type { LoadedChannel } from "../channels/load-channel";
import type { SendResult } from "../channels/channel-adapter";
import { cachedChannel } from "./channel-cache";
import { groupCommit } from "./group-commit";

const MAX_ATTEMPTS = 8;

export type OutboxRowRef = { id: string; attempts: number };

export type SendResultRecorder = (row: OutboxRowRef, result: SendResult) => Promise<void>;

// Successful sends are recorded together (group commit): in a burst the sender finishes hundreds of
// sends a second, and a commit each made recording, not sending, the limit. Failures are rare and go
// one by one.
export function createSendResultRecorder(database: Database): SendResultRecorder {
  const recordOk = groupCommit(async (sent: { id: string; externalId: string | null }[]) => {
    await recordSent(database, sent);
    return sent.map(() => undefined);
  });
  return (row, result) => (result.ok ? recordOk({ id: row.id, externalId: result.externalId ?? null }) : recordSendResult(database, row, result));
}

async function recordSent(database: Database, sent: { id: string; externalId: string | null }[]): Promise<void> {
  await database.query(
    `with sent as (select * from unnest($1::uuid[], $2::text[]) as s(id, external_id)),
     o as (update outbox set status = 'sent', last_error = null from sent where outbox.id = sent.id returning outbox.message_id, sent.external_id)
     update messages set status = case when status in ('queued', 'unconfirmed') then 'sent' else status end,
       external_id = coalesce(o.external_id, messages.external_id), error = null
     from o where messages.id = o.message_id`,
    [sent.map((row) => row.id), sent.map((row) => row.externalId)],
  );
}

// What one send attempt leaves behind: sent (with the platform's id), a retry with backoff, or a
// visible failure on the message.
export async function recordSendResult(database: Database, row: OutboxRowRef, result: SendResult): Promise<void> {
  if (result.ok) return recordSent(database, [{ id: row.id, externalId: result.externalId ?? null }]);
  const error = (result.error || "send failed").slice(0, 1000);
  if (result.retryable && row.attempts < MAX_ATTEMPTS) {
    const delayMs = Math.max(result.retryAfterMs ?? 0, backoffMs(row.attempts));
    await database.query(
      "update outbox set status = 'pending', last_error = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1",
      [row.id, error, delayMs / 1000],
    );
    return;
  }
  const reason = result.retryable ? `gave up after ${row.attempts} attempts: ${error}` : error;
  await database.query(
    `with o as (update outbox set status = 'failed', last_error = $2 where id = $1 returning message_id)
     update messages set status = 'failed', error = $2 from o where messages.id = o.message_id`,
    [row.id, reason],
  );
}

// 1 s, 2 s, 4 s… up to 5 minutes, with ±20% jitter so a platform's recovery is not met by a stampede.
export function backoffMs(attempts: number): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

// Rows left in `sending` past their lease: their worker died during the API call, so the platform may
// or may not have the message. Resent only where the platform dedupes by our key (or it is our own web
// chat); otherwise marked `unconfirmed` (visible), for a status webhook to settle.
export async function recoverStale(database: Database): Promise<void> {
  const stale = await database.query<{ id: string; channel_id: string }>(
    "select id, channel_id from outbox where status = 'sending' and next_attempt_at < now() limit 500",
  );
  for (const row of stale) {
    const loaded = await cachedChannel(database, row.channel_id).catch(() => null);
    if (loaded && canResendSafely(loaded)) {
      await database.query("update outbox set status = 'pending', next_attempt_at = now() where id = $1 and status = 'sending' and next_attempt_at < now()", [row.id]);
      continue;
    }
    await markUnconfirmed(database, row.id, "The worker stopped during the send: it may or may not have reached the platform.", "and next_attempt_at < now()");
  }
}

// Where the platform dedupes by our key (or it is our own web chat) a send of unknown outcome may be
// repeated; anywhere else a repeat could reach the contact twice.
export function canResendSafely(loaded: Pick<LoadedChannel, "adapter" | "type">): boolean {
  return loaded.adapter.idempotentSends === true || loaded.type === "webchat";
}

// The platform may or may not have the message: visible as `unconfirmed`, never resent, and settled
// by the next status webhook that names it (reconcileStatus).
export async function markUnconfirmed(database: Database, outboxId: string, why: string, extraCondition = ""): Promise<void> {
  await database.query(
    `with o as (
       update outbox set status = 'unconfirmed', last_error = $2
       where id = $1 and status = 'sending' ${extraCondition} returning message_id
     )
     update messages set status = 'unconfirmed', error = $2 from o where messages.id = o.message_id and messages.status = 'queued'`,
    [outboxId, `${why} Not resent, to avoid a duplicate; a delivery status will confirm it.`.slice(0, 1000)],
  );
}

