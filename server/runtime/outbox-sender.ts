import type { Database } from "../db/client";
import type { SendResult } from "../channels/channel-adapter";
import { log } from "../log";
import { cachedChannel } from "./channel-cache";
import { channelRates, createTokenBucket, type TokenBucket } from "./token-bucket";

export type OutboxSender = { wake: () => void; idle: () => Promise<void>; stop: () => Promise<void> };
export type DeliveredMessage = { contactId: string; channelId: string; messageId: string };

const POLL_MS = 250;
const CLAIM_BATCH = 50;
const MAX_IN_FLIGHT = 64;
const MAX_ATTEMPTS = 8;
// A claimed row is leased this long; past it, its worker is presumed dead mid-call.
const LEASE_SECONDS = 60;

type ClaimedRow = { id: string; message_id: string; channel_id: string; contact_id: string; payload: OutboxPayload; idempotency_key: string; attempts: number };
type OutboxPayload = { to: string; payload: unknown; context?: Record<string, string> };

// Drains the outbox: per contact strictly in order and one request at a time (only a contact's
// oldest unfinished row is ever claimed), paced per channel, retried with backoff on 429/5xx, failed
// visibly on a permanent error. Woken after commits; polls for other processes' rows and retries.
export function startOutboxSender(
  database: Database,
  options: { onDelivered?: (message: DeliveredMessage) => void; leaseSeconds?: number } = {},
): OutboxSender {
  const leaseSeconds = options.leaseSeconds ?? LEASE_SECONDS;
  const buckets = new Map<string, TokenBucket>();
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
        if (inFlight < MAX_IN_FLIGHT) claimed = await claim(database, Math.min(CLAIM_BATCH, MAX_IN_FLIGHT - inFlight), leaseSeconds);
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
    if (!loaded?.channel) {
      result = { ok: false, retryable: false, error: loaded ? `channel cannot send: ${loaded.credentialsProblem}` : "the channel no longer exists" };
    } else if (loaded.disabled) {
      result = { ok: false, retryable: false, error: "the channel is disabled" };
    } else {
      let bucket = buckets.get(row.channel_id);
      if (!bucket) buckets.set(row.channel_id, (bucket = createTokenBucket(channelRates[loaded.type])));
      const waitStarted = Date.now();
      await bucket.take();
      // The lease covers the API call, not the queue for a token: renew it if pacing took a while, or
      // another process would take this live send for an interrupted one.
      if (Date.now() - waitStarted > 500) {
        await database.query("update outbox set next_attempt_at = now() + make_interval(secs => $2) where id = $1 and status = 'sending'", [row.id, leaseSeconds]);
      }
      try {
        result = await loaded.adapter.send(
          { to: row.payload.to, payload: row.payload.payload, idempotencyKey: row.idempotency_key, ...(row.payload.context ? { context: row.payload.context } : {}) },
          loaded.channel,
          fetch,
        );
      } catch (error) {
        // An adapter should return failures, not throw; treat a throw like a network error.
        result = { ok: false, retryable: true, error: `send failed: ${(error as Error).message}` };
      }
    }
    try {
      await record(database, row, result);
      if (result.ok) options.onDelivered?.({ contactId: row.contact_id, channelId: row.channel_id, messageId: row.message_id });
    } catch (error) {
      // Left in `sending`: the lease runs out and recovery decides (never a blind resend).
      log.error("outbox result could not be recorded", { outboxId: row.id, error });
    }
  };

  loopDone = loop();
  return {
    wake,
    idle: async () => {
      for (;;) {
        const [row] = await database.query<{ n: number }>(
          "select count(*)::int as n from outbox where status in ('pending', 'sending') and next_attempt_at <= now() + interval '1 second'",
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
    `with heads as (
       select distinct on (channel_id, contact_id) id, status
       from outbox where status in ('pending', 'sending')
       order by channel_id, contact_id, seq
     ), due as (
       select o.id from outbox o join heads h on h.id = o.id
       where h.status = 'pending' and o.status = 'pending' and o.next_attempt_at <= now()
       order by o.seq limit ${limit}
       for update of o skip locked
     )
     update outbox set status = 'sending', attempts = outbox.attempts + 1, next_attempt_at = now() + make_interval(secs => ${Number(leaseSeconds)})
     from due where outbox.id = due.id
     returning outbox.id, outbox.message_id, outbox.channel_id, outbox.contact_id, outbox.payload, outbox.idempotency_key, outbox.attempts`,
  );
}

async function record(database: Database, row: ClaimedRow, result: SendResult): Promise<void> {
  if (result.ok) {
    await database.query(
      `with o as (update outbox set status = 'sent', last_error = null where id = $1 returning message_id)
       update messages set status = case when status in ('queued', 'unconfirmed') then 'sent' else status end,
         external_id = coalesce($2, external_id), error = null
       from o where messages.id = o.message_id`,
      [row.id, result.externalId ?? null],
    );
    return;
  }
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
async function recoverStale(database: Database): Promise<void> {
  const stale = await database.query<{ id: string; channel_id: string }>(
    "select id, channel_id from outbox where status = 'sending' and next_attempt_at < now() limit 500",
  );
  for (const row of stale) {
    const loaded = await cachedChannel(database, row.channel_id).catch(() => null);
    const safe = loaded && (loaded.adapter.idempotentSends === true || loaded.type === "webchat");
    if (safe) {
      await database.query("update outbox set status = 'pending', next_attempt_at = now() where id = $1 and status = 'sending' and next_attempt_at < now()", [row.id]);
      continue;
    }
    await database.query(
      `with o as (
         update outbox set status = 'unconfirmed', last_error = $2
         where id = $1 and status = 'sending' and next_attempt_at < now() returning message_id
       )
       update messages set status = 'unconfirmed', error = $2 from o where messages.id = o.message_id and messages.status = 'queued'`,
      [row.id, "The worker stopped during the send: it may or may not have reached the platform. Not resent, to avoid a duplicate; a delivery status will confirm it."],
    );
  }
}
