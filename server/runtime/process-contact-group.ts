import { log } from "../log";
import { cachedChannel } from "./channel-cache";
import { workspaceView, type WorkspaceRuntimeView } from "./flow-cache";
import { emptyAfterCommit, type RuntimeChannel } from "./flow-run";
import { handleEvent, type StoredEvent } from "./handle-event";
import { BATCH, markProcessed, processContact, runtimeChannel, type LoadedEvent, type ProcessorEnv } from "./process-contact";
import { withTransaction, type Tx } from "./transaction";

export type ContactKey = { channelId: string; externalId: string };

// Several contacts' pending events in one transaction: one lock statement, one load, one update and one
// commit for all of them instead of per contact, which is what a burst costs on PostgreSQL (DESIGN.md
// section 4, group commit). Each contact's events still run strictly in order. Anything unusual (a
// simulator's or disabled channel, events with no contact, a failure) goes through processContact, one
// contact per transaction, which records a failing event and goes on.
export async function processContactGroup(env: ProcessorEnv, keys: ContactKey[]): Promise<number> {
  const grouped: { key: ContactKey; channel: RuntimeChannel; view: WorkspaceRuntimeView }[] = [];
  const alone: ContactKey[] = [];
  for (const key of keys) {
    const loaded = key.externalId === "" || keys.length === 1 ? null : await cachedChannel(env.database, key.channelId).catch(() => null);
    if (!loaded || loaded.disabled || loaded.simulator) alone.push(key);
    // Read before the transaction: on PGlite a query outside it would wait for it to finish.
    else grouped.push({ key, channel: runtimeChannel(loaded), view: await workspaceView(env.database, loaded.workspaceId) });
  }
  let total = 0;
  if (grouped.length > 0) {
    try {
      const after = emptyAfterCommit();
      const { count, full } = await withTransaction(env.database, async (tx) => {
        const events = await lockAndLoadGroup(tx, grouped.map((entry) => entry.key));
        // The contacts run side by side, each its events in order: their statements share the
        // connection's pipeline instead of each waiting for the previous contact's round trips.
        const outcomes = await Promise.allSettled(
          grouped.map(async (entry) => {
            for (const event of events.get(keyOf(entry.key)) ?? []) {
              const errors = await handleEvent({ tx, queue: env.queue, channel: entry.channel, view: entry.view, after, simulation: null }, event.payload);
              event.error = errors.length > 0 ? errors.join("; ") : null;
            }
          }),
        );
        // Only once every contact has stopped using the transaction may it roll back.
        const failure = outcomes.find((outcome) => outcome.status === "rejected");
        if (failure) throw failure.reason;
        const all = [...events.values()].flat();
        await markProcessed(tx, all);
        return { count: all.length, full: grouped.filter((entry) => (events.get(keyOf(entry.key))?.length ?? 0) >= BATCH).map((entry) => entry.key) };
      });
      env.onCommitted(after);
      total += count;
      // A contact with more events than one batch goes round again on its own.
      alone.push(...full);
    } catch (error) {
      log.warn("contact group failed; processing its contacts one by one", { contacts: grouped.length, error });
      alone.push(...grouped.map((entry) => entry.key));
    }
  }
  for (const key of alone) total += await processContact(env, key.channelId, key.externalId);
  return total;
}

function keyOf(key: ContactKey): string {
  return `${key.channelId}|${key.externalId}`;
}

// The advisory locks are taken in one sorted order, so two groups sharing contacts cannot deadlock.
async function lockAndLoadGroup(tx: Tx, keys: ContactKey[]): Promise<Map<string, LoadedEvent[]>> {
  const lockKeys = keys.map((key) => `kaiwa:contact:${key.channelId}:${key.externalId}`).sort();
  await tx.query("select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest($1::text[]) as k order by k", [lockKeys]);
  const rows = await tx.query<{ id: string; channel_id: string; contact: string; payload: StoredEvent }>(
    `select e.id, e.channel_id, e.contact_external_id as contact, e.payload
     from unnest($1::uuid[], $2::text[]) with ordinality as k(channel_id, contact, position)
     cross join lateral (
       select id, channel_id, contact_external_id, payload, coalesce(occurred_at, received_at) as at, seq from inbound_events
       where channel_id = k.channel_id and contact_external_id = k.contact and processed_at is null
       order by at, seq limit ${BATCH}
     ) e
     order by k.position, e.at, e.seq`,
    [keys.map((key) => key.channelId), keys.map((key) => key.externalId)],
  );
  const byContact = new Map<string, LoadedEvent[]>();
  for (const row of rows) {
    const key = `${row.channel_id}|${row.contact}`;
    let list = byContact.get(key);
    if (!list) byContact.set(key, (list = []));
    list.push({ id: row.id, payload: row.payload, error: null });
  }
  return byContact;
}
