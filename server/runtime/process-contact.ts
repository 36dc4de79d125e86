import { readOutsideWindowPolicy } from "../channels/outside-window-policy";
import { loadSimulationContext, type SimulationContext } from "../simulator/simulation-context";
import type { Database } from "../db/client";
import { log } from "../log";
import type { Queue } from "../queue/queue";
import type { LoadedChannel } from "../channels/load-channel";
import { cachedChannel } from "./channel-cache";
import { workspaceView } from "./flow-cache";
import { emptyAfterCommit, type AfterCommit, type RuntimeChannel } from "./flow-run";
import { handleEvent, type StoredEvent } from "./handle-event";
import { withTransaction, type Tx } from "./transaction";

export type ProcessorEnv = { database: Database; queue: Queue | null; onCommitted: (after: AfterCommit) => void };

// Events of one contact per transaction; a contact with more goes round again.
export const BATCH = 100;

// All of one contact's unprocessed events, strictly in order, in one transaction per batch. The
// advisory lock serialises this contact across every worker process; other contacts run in parallel.
// `externalId` "" means the channel's events that have no contact (some statuses).
export async function processContact(env: ProcessorEnv, channelId: string, externalId: string): Promise<number> {
  const loaded = await cachedChannel(env.database, channelId);
  // A deleted channel's events went with it (on delete cascade).
  if (!loaded) return 0;
  if (loaded.disabled) return skipDisabled(env.database, channelId, externalId);
  const channel = runtimeChannel(loaded);
  // Read before any transaction (on PGlite a query outside one waits for it to finish).
  const simulation = loaded.simulator ? await loadSimulationContext(env.database, channel.id, externalId) : null;
  try {
    let total = 0;
    for (;;) {
      const after = emptyAfterCommit();
      // Read before the transaction: on PGlite a query outside it would wait for it to finish.
      const view = await workspaceView(env.database, channel.workspaceId);
      const count = await withTransaction(env.database, async (tx) => {
        const events = await lockAndLoad(tx, channel.id, externalId, BATCH);
        for (const event of events) {
          const errors = await handleEvent({ tx, queue: env.queue, channel, view, after, simulation }, event.payload);
          event.error = errors.length > 0 ? errors.join("; ") : null;
        }
        await markProcessed(tx, events);
        return events.length;
      });
      env.onCommitted(after);
      total += count;
      if (count < BATCH) return total;
    }
  } catch (error) {
    // One bad event must not block the contact's others: redo them one per transaction, so the
    // failing one is recorded (visible) and skipped and the rest are answered.
    log.warn("contact batch failed; processing its events one by one", { channelId, error });
    return processOneByOne(env, channel, externalId, simulation);
  }
}

export type LoadedEvent = { id: string; payload: StoredEvent; error: string | null };

async function lockAndLoad(tx: Tx, channelId: string, externalId: string, limit: number): Promise<LoadedEvent[]> {
  await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [`kaiwa:contact:${channelId}:${externalId}`]);
  const rows = await tx.query<{ id: string; payload: StoredEvent }>(
    `select id, payload from inbound_events
     where channel_id = $1 and ${contactCondition(externalId)} and processed_at is null
     order by coalesce(occurred_at, received_at), seq limit ${limit}`,
    [channelId, externalId],
  );
  return rows.map((row) => ({ id: row.id, payload: row.payload, error: null }));
}

export async function markProcessed(tx: Tx, events: LoadedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `update inbound_events e set processed_at = now(), error = v.error
     from jsonb_to_recordset($1::jsonb) as v(id uuid, error text) where e.id = v.id`,
    [JSON.stringify(events.map((event) => ({ id: event.id, error: event.error })))],
  );
}

async function processOneByOne(env: ProcessorEnv, channel: RuntimeChannel, externalId: string, simulation: SimulationContext | null): Promise<number> {
  let total = 0;
  for (;;) {
    const after = emptyAfterCommit();
    let failedId: string | null = null;
    let failure = "";
    try {
      const view = await workspaceView(env.database, channel.workspaceId);
      const count = await withTransaction(env.database, async (tx) => {
        const [event] = await lockAndLoad(tx, channel.id, externalId, 1);
        if (!event) return 0;
        failedId = event.id;
        const errors = await handleEvent({ tx, queue: env.queue, channel, view, after, simulation }, event.payload);
        event.error = errors.length > 0 ? errors.join("; ") : null;
        await markProcessed(tx, [event]);
        return 1;
      });
      env.onCommitted(after);
      if (count === 0) return total;
      total += count;
    } catch (error) {
      if (!failedId) throw error;
      failure = error instanceof Error ? error.message : String(error);
      log.error("inbound event failed", { channelId: channel.id, eventId: failedId, error: failure });
      await withTransaction(env.database, (tx) =>
        markProcessed(tx, [{ id: failedId!, payload: null as never, error: `processing failed: ${failure}`.slice(0, 1000) }]),
      );
      total += 1;
    }
  }
}

// Kept and visible on the channel's events, but not run: re-enabling the channel does not replay them.
async function skipDisabled(database: Database, channelId: string, externalId: string): Promise<number> {
  const rows = await database.query(
    `update inbound_events set processed_at = now(), error = 'The channel is disabled: no flow was run.'
     where channel_id = $1 and ${contactCondition(externalId)} and processed_at is null
     returning id`,
    [channelId, externalId],
  );
  return rows.length;
}

// `$2` is the contact's platform id; "" stands for the channel's events that have none.
function contactCondition(externalId: string): string {
  return externalId === "" ? "contact_external_id is null and $2 = ''" : "contact_external_id = $2";
}

export function runtimeChannel(loaded: LoadedChannel): RuntimeChannel {
  return { id: loaded.id, workspaceId: loaded.workspaceId, type: loaded.type, outsideWindow: readOutsideWindowPolicy(loaded.type, loaded.channel?.config ?? {}) };
}
