import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "./client";
import { analyzeGrownTables } from "./pglite-analyze";
import { pgliteQuery } from "./pglite-statements";

// A prepared statement's plan is only as good as the statistics it was planned with: PGlite runs no
// autovacuum, so the analyser has to refresh them as tables grow.
describe("PGlite tables analysed as they grow", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  // The row estimate of the plan a prepared statement without parameters will run with.
  async function cachedPlanRows(pglite: PGlite, text: string): Promise<number> {
    await pgliteQuery(pglite, text, [], { inTransaction: false, unprepared: async () => (await pglite.query(text)).rows });
    const { rows } = await pglite.query<{ name: string }>("select name from pg_prepared_statements where statement = $1", [text]);
    const plan = (await pglite.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(`explain (format json) execute ${rows[0]!.name}`)).rows[0]!;
    return plan["QUERY PLAN"][0].Plan["Plan Rows"];
  }

  it("a statement prepared on an empty table is planned again for the rows it now has", async () => {
    const pglite = await PGlite.create();
    cleanups.push(() => pglite.close());
    await pglite.exec("create table items (id int primary key, n int not null)");
    const text = "select id from items where n >= 0";
    const onEmpty = await cachedPlanRows(pglite, text);

    await pglite.exec("insert into items select g, g % 10 from generate_series(1, 30000) g");
    // Without fresh statistics the cached plan still expects what it expected of the empty table.
    expect(await cachedPlanRows(pglite, text)).toBe(onEmpty);

    expect(await analyzeGrownTables(pglite)).toEqual(["public.items"]);
    expect(await cachedPlanRows(pglite, text)).toBe(30000);
    // Nothing grew since: nothing is read again.
    expect(await analyzeGrownTables(pglite)).toEqual([]);
  });

  it("a table grown by a few rows is not analysed again, one grown by a fifth is", async () => {
    const pglite = await PGlite.create();
    cleanups.push(() => pglite.close());
    await pglite.exec("create table small (id int primary key); create table large (id int primary key)");
    await pglite.exec("insert into small select generate_series(1, 10); insert into large select generate_series(1, 50000)");
    expect(await analyzeGrownTables(pglite)).toEqual(["public.large"]);
    await pglite.exec("insert into large select generate_series(50001, 51000)");
    expect(await analyzeGrownTables(pglite)).toEqual([]);
    await pglite.exec("insert into large select generate_series(51001, 62000)");
    expect(await analyzeGrownTables(pglite)).toEqual(["public.large"]);
  });

  it("the embedded database analyses by itself", async () => {
    const database: Database = await openDatabase({});
    cleanups.push(() => database.close());
    await database.exec("create table items (id int primary key)");
    await database.exec("insert into items select generate_series(1, 20000)");
    const reltuples = async () => (await database.query<{ n: number }>("select reltuples::int as n from pg_class where relname = 'items'"))[0]!.n;
    await vi.waitFor(async () => expect(await reltuples()).toBe(20000), { timeout: 10_000, interval: 250 });
  });
});
