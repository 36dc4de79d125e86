import type { Database } from "../db/client";
import type { SendResult } from "../channels/channel-adapter";
import { log } from "../log";
import { cachedChannel } from "./channel-cache";
import { observedFetch } from "./observed-fetch";
import { canResendSafely, createSendResultRecorder, markUnconfirmed, recoverStale } from "./outbox-records";
import { optOutReason } from "./send-rules";
import { createContactPacer, createTokenBucket, sendRateOf, type TokenBucket } from "./token-bucket";

export type OutboxSender = { wake: () => void; idle: () => Promise<void>; stop: () => Promise<void> };
export type DeliveredMessage = { contactId: string; channelId: string; messageId: string };

const POLL_MS = 250;
const CLAIM_BATCH = 128;
const MAX_IN_FLIGHT = 256;
// In a burst, sends in flight are topped up by at least this many at a time, not one per finished send.
const MIN_CLAIM = 32;
// A claimed row is leased this long; past it, its worker is presumed dead mid-call.
const LEASE_SECONDS = 60;
// No platform call may take longer (adapters have their own, usually shorter, timeouts).
const SEND_TIMEOUT_MS = 15_000;

type ClaimedRow = {
  id: string;
  message_id: string;
  channel_id: string;
  contact_id: string;
  payload: OutboxPayload;
  idempotency_key: string;
  attempts: number;
  // The contact opted out (STOP, unfollow) after this row was queued: it must not go out any more.
  opted_out: boolean;
};
type OutboxPayload = { to: string; payload: unknown; context?: Record<string, string> };

// Drains the outbox: per contact strictly in order and one request at a time (only a contact's
// oldest unfinished row is ever claimed), paced per channel, retried with backoff on 429/5xx, failed
// visibly on a permanent error. Woken after commits; polls for other processes' rows and retries.
export function startOutboxSender(
  database: Database,
  options: { onDelivered?: (message: DeliveredMessage) => void; leaseSeconds?: number; sendTimeoutMs?: number } = {},
): OutboxSender {
  const leaseSeconds = options.leaseSeconds ?? LEASE_SECONDS;
  const sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  const buckets = new Map<string, TokenBucket>();
  const contactPacer = createContactPacer();
  const recordSendResult = createSendResultRecorder(database);
  let inFlight = 0;
  let stopped = false;
  let woken = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  const loop = async () => {
    let lastRecovery = 0;
    while (!stopped) {
      woken = false;
      let claimed: ClaimedRow[] = [];
      try {
        if (Date.now() - lastRecovery > Math.min(5_000, leaseSeconds * 500)) {
          lastRecovery = Date.now();
          await recoverStale(database);
        }
        if (MAX_IN_FLIGHT - inFlight >= MIN_CLAIM || inFlight === 0) claimed = await claim(database, Math.min(CLAIM_BATCH, MAX_IN_FLIGHT - inFlight), leaseSeconds);
      } catch (error) {
        if (!stopped) log.warn("outbox claim failed", { error });
      }
      for (const row of claimed) {
        inFlight += 1;
        void deliver(row).finally(() => {
          inFlight -= 1;
          // The contact's next row is now eligible.
          wake();
          if (inFlight === 0) settleIdle();
        });
      }
      if (claimed.length === 0 && inFlight === 0) settleIdle();
      if (claimed.length > 0 || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  };

  const settleIdle = () => {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const deliver = async (row: ClaimedRow) => {
    let result: SendResult;
    const loaded = await cachedChannel(database, row.channel_id).catch(() => null);
    if (loaded?.simulator) {
      // The simulator shows the stored message; it has no platform to reach. (Its replies are stored as
      // sent and never queued now; rows queued before that still drain here.)
      result = { ok: true, externalId: `sim-${row.message_id}` };
    } else if (!loaded?.channel) {
      result = { ok: false, retryable: false, error: loaded ? `channel cannot send: ${loaded.credentialsProblem}` : "the channel no longer exists" };
    } else if (loaded.disabled) {
      result = { ok: false, retryable: false, error: "the channel is disabled" };
    } else if (row.opted_out) {
      result = { ok: false, retryable: false, error: optOutReason(loaded.type) };
    } else {
      let bucket = buckets.get(row.channel_id);
      if (!bucket) buckets.set(row.channel_id, (bucket = createTokenBucket(sendRateOf(loaded.type, loaded.channel.config))));
      const waitStarted = Date.now();
      await bucket.take();
      await contactPacer.take(loaded.type, `${row.channel_id}|${row.contact_id}`);
      // The lease covers the API call, not the queue for a token: renew it if pacing took a while, or
      // another process would take this live send for an interrupted one.
      if (Date.now() - waitStarted > 500) {
        await database.query("update outbox set next_attempt_at = now() + make_interval(secs => $2) where id = $1 and status = 'sending'", [row.id, leaseSeconds]);
      }
      const observed = observedFetch(sendTimeoutMs);
      try {
        result = await loaded.adapter.send(
          { to: row.payload.to, payload: row.payload.payload, idempotencyKey: row.idempotency_key, ...(row.payload.context ? { context: row.payload.context } : {}) },
          loaded.channel,
          observed.fetch,
        );
      } catch (error) {
        // An adapter should return failures, not throw; treat a throw like a network error.
        result = { ok: false, retryable: true, error: `send failed: ${(error as Error).message}` };
      } finally {
        observed.release();
      }
      if (!result.ok && result.retryable && observed.outcomeUnknown() && !canResendSafely(loaded)) {
        await markUnconfirmed(database, row.id, result.error).catch((error: unknown) => log.error("outbox result could not be recorded", { outboxId: row.id, error }));
        return;
      }
    }
    try {
      await recordSendResult(row, result);
      if (result.ok) options.onDelivered?.({ contactId: row.contact_id, channelId: row.channel_id, messageId: row.message_id });
    } catch (error) {
      // Left in `sending`: the lease runs out and recovery decides (never a blind resend).
      log.error("outbox result could not be recorded", { outboxId: row.id, error });
    }
  };

  loopDone = loop();
  return {
    wake,
    // Nothing due and nothing in flight. A claimed row counts whatever its lease says: between the
    // claim's commit and this process seeing its result, inFlight is still 0.
    idle: async () => {
      for (;;) {
        const [row] = await database.query<{ n: number }>(
          "select count(*)::int as n from outbox where status = 'sending' or (status = 'pending' and next_attempt_at <= now() + interval '1 second')",
        );
        if ((row?.n ?? 0) === 0 && inFlight === 0) return;
        await new Promise<void>((resolve) => {
          idleWaiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loopDone;
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

async function claim(database: Database, limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
  return database.query<ClaimedRow>(
    // Only a contact's oldest unfinished row may go: pending rows in creation order, each with no
    // earlier pending or sending row of its contact (both lookups on partial indexes of unfinished rows).
    `with due as (
       select o.id from outbox o
       where o.status = 'pending' and o.next_attempt_at <= now()
         and not exists (select 1 from outbox e where e.channel_id = o.channel_id and e.contact_id = o.contact_id
                         and e.status in ('pending', 'sending') and e.seq < o.seq)
       order by o.seq limit ${limit}
       for update of o skip locked
     )
     update outbox set status = 'sending', attempts = outbox.attempts + 1, next_attempt_at = now() + make_interval(secs => ${Number(leaseSeconds)})
     from due where outbox.id = due.id
     returning outbox.id, outbox.message_id, outbox.channel_id, outbox.contact_id, outbox.payload, outbox.idempotency_key, outbox.attempts,
       exists (select 1 from contact_identities ci where ci.contact_id = outbox.contact_id and ci.channel_id = outbox.channel_id
               and ci.opted_out_at is not null) as opted_out`,
  );
}
