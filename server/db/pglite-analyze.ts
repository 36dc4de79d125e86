import type { PGlite } from "@electric-sql/pglite";

// PGlite runs no autovacuum, so nothing refreshes the planner's statistics, and a prepared statement
// (pglite-statements.ts) keeps the plan it got when its tables were empty: a statement without
// parameters is never planned again, one with parameters may settle on a generic plan. On the runtime
// benchmark (2,000 contacts) plans made on empty tables cost half the throughput: ~190 messages/s,
// against ~320 with PGlite's planning on every call and 423 with tables analysed. PostgreSQL plans
// again when statistics change, so analysing each table that has grown does here what autovacuum's
// analyse does there.
const CHECK_EVERY_MS = 2_000;
// A table is analysed again once it has this many more pages than at its last analyse (8 kB pages),
// and grown by a fifth: early growth from empty matters most, a large table is not re-read for a few rows.
const MIN_NEW_PAGES = 8;
const GROWTH = 1.2;

// Every CHECK_EVERY_MS while the database is open; `stop` before closing it.
export function analyzeGrowingTables(pglite: PGlite): { stop: () => void } {
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped || pglite.closed) return;
    running = true;
    // A check that fails (the database closing under it) is tried again at the next tick; it changes no data.
    analyzeGrownTables(pglite, () => stopped)
      .catch(() => undefined)
      .finally(() => (running = false));
  }, CHECK_EVERY_MS);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

// One pass: analyses the tables that grew enough since their last analyse, and names them.
export async function analyzeGrownTables(pglite: PGlite, stopped: () => boolean = () => false): Promise<string[]> {
  const { rows } = await pglite.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
       and pg_relation_size(c.oid) / current_setting('block_size')::int >= greatest(c.relpages * $1::float8, c.relpages + $2::int)
     order by 1`,
    [GROWTH, MIN_NEW_PAGES],
  );
  if (rows.length > 0 && !stopped() && !pglite.closed) await pglite.exec(`analyze ${rows.map((row) => row.name).join(", ")}`);
  return rows.map((row) => row.name);
}
