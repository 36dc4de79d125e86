import type { Database } from "../db/client";
import { log } from "../log";
import type { ProcessorEnv } from "./process-contact";
import { processContactGroup, type ContactKey } from "./process-contact-group";

export type ContactProcessor = {
  wake: (channelId: string, externalIds: string[]) => void;
  // Resolves when nothing is queued or running (tests, shutdown).
  idle: () => Promise<void>;
  stop: () => Promise<void>;
};

// Sweeps for events no process is working on: another process's leftovers, or a crash's.
const SWEEP_EVERY_MS = 1_000;
const SWEEP_AGE_MS = 2_000;
// Contacts per transaction in a burst: enough to share a commit, few enough that one slow contact
// does not hold up many others.
const GROUP_SIZE = 16;

// In-process scheduling of contact processing: one run at a time per contact (a wake during a run runs
// it again afterwards, so nothing waits for the sweeper), at most `concurrency` contacts at once.
export function startContactProcessor(env: ProcessorEnv, options: { concurrency: number; reorderWindowMs?: number; groupSize?: number }): ContactProcessor {
  const running = new Set<string>();
  const again = new Set<string>();
  const ready: string[] = [];
  const queued = new Set<string>();
  let idleWaiters: (() => void)[] = [];
  let stopped = false;
  let runs = 0;
  const groupSize = options.groupSize ?? GROUP_SIZE;

  // Deliveries of one burst arrive a few milliseconds apart and in any order; waiting this long before
  // starting lets them be processed together, in the platform's timestamp order, in one transaction.
  const reorderMs = options.reorderWindowMs ?? 30;
  let held: [string, string[]][] = [];
  let holdTimer: NodeJS.Timeout | null = null;
  const wakeSoon = (channelId: string, externalIds: string[]) => {
    if (stopped) return;
    if (reorderMs <= 0) return wake(channelId, externalIds);
    held.push([channelId, externalIds]);
    holdTimer ??= setTimeout(() => {
      holdTimer = null;
      const batch = held;
      held = [];
      for (const [channel, ids] of batch) wake(channel, ids);
    }, reorderMs);
  };

  const wake = (channelId: string, externalIds: string[]) => {
    if (stopped) return;
    for (const externalId of externalIds) {
      const key = `${channelId}|${externalId}`;
      if (running.has(key)) again.add(key);
      else if (!queued.has(key)) {
        queued.add(key);
        ready.push(key);
      }
    }
    pump();
  };

  // Up to `concurrency` transactions at once; when more contacts are ready than that, each takes a
  // share of them (at most groupSize), so a burst costs a commit per group, not per contact.
  const pump = () => {
    while (!stopped && runs < options.concurrency && ready.length > 0) {
      const size = Math.min(groupSize, Math.ceil(ready.length / (options.concurrency - runs)));
      const keys = ready.splice(0, size);
      runs += 1;
      for (const key of keys) {
        queued.delete(key);
        running.add(key);
      }
      processContactGroup(env, keys.map(split))
        .catch((error: unknown) => log.error("contact processing failed", { error }))
        .finally(() => {
          runs -= 1;
          for (const key of keys) {
            running.delete(key);
            if (again.delete(key)) wake(...splitPair(key));
          }
          pump();
          if (running.size === 0 && ready.length === 0) {
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  };

  let sweeping = false;
  const sweep = async () => {
    if (sweeping || stopped) return;
    sweeping = true;
    try {
      const rows = await env.database.query<{ channel_id: string; contact: string }>(
        `select distinct channel_id, coalesce(contact_external_id, '') as contact from inbound_events
         where processed_at is null and received_at < now() - make_interval(secs => $1) limit 500`,
        [SWEEP_AGE_MS / 1000],
      );
      for (const row of rows) wake(row.channel_id, [row.contact]);
    } catch (error) {
      if (!stopped) log.warn("inbound sweep failed", { error });
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();

  return {
    wake: wakeSoon,
    idle: () =>
      running.size === 0 && ready.length === 0 && held.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      ready.length = 0;
      queued.clear();
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

function split(key: string): ContactKey {
  const at = key.indexOf("|");
  return { channelId: key.slice(0, at), externalId: key.slice(at + 1) };
}

function splitPair(key: string): [string, string[]] {
  const { channelId, externalId } = split(key);
  return [channelId, [externalId]];
}

export function defaultConcurrency(database: Database): number {
  // PGlite runs every statement on this one thread, one transaction at a time: more is only overhead.
  return database.kind === "pglite" ? 1 : 8;
}
