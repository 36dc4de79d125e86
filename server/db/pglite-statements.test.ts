import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pgliteQuery } from "./pglite-statements";

// The named-statement path against PGlite's own query(): same rows, same errors, same locking.
describe("PGlite statements prepared once", () => {
  let pglite: PGlite;
  const query = <Row,>(text: string, params?: unknown[]) =>
    pgliteQuery<Row>(pglite, text, params, { inTransaction: false, unprepared: async () => (await pglite.query<Row>(text, params)).rows });
  const preparedNames = async () => (await pglite.query<{ name: string }>("select name from pg_prepared_statements order by name")).rows.map((row) => row.name);

  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.exec(`create table items (id uuid primary key, n int not null, data jsonb, tags text[], at timestamptz, price numeric, done boolean);`);
  });
  afterAll(async () => {
    await pglite.close();
  });

  it("returns the rows PGlite's query() returns, every type parsed alike", async () => {
    const text = `insert into items (id, n, data, tags, at, price, done) values ($1, $2, $3, $4, $5, $6, $7)
                  returning id, n, data, tags, at, price, done, null::text as missing, n::bigint as big`;
    const at = new Date("2026-12-07T08:00:00.000Z");
    const ours = await query(text, ["6f1c8f2e-34a4-4c9b-9a59-0d7d4b1f7a01", 1, { answer: "yes", "__proto__": 1 }, ["a", "b,c"], at, "12.50", true]);
    const theirs = (await pglite.query<Record<string, unknown>>(text, ["6f1c8f2e-34a4-4c9b-9a59-0d7d4b1f7a02", 1, { answer: "yes", "__proto__": 1 }, ["a", "b,c"], at, "12.50", true])).rows;
    expect(ours).toEqual([{ ...theirs[0], id: "6f1c8f2e-34a4-4c9b-9a59-0d7d4b1f7a01" }]);
    expect(ours[0]).toMatchObject({ n: 1, data: { answer: "yes" }, tags: ["a", "b,c"], at, done: true, missing: null });
  });

  it("parses a statement once and binds it on every later call", async () => {
    const text = "select count(*)::int as count from items where n = $1";
    const before = await preparedNames();
    expect(await query(text, [1])).toEqual([{ count: 2 }]);
    const prepared = await preparedNames();
    expect(prepared.length).toBe(before.length + 1);
    for (let i = 0; i < 5; i++) expect(await query(text, [2])).toEqual([{ count: 0 }]);
    expect(await preparedNames()).toEqual(prepared);
  });

  it("statements without rows answer an empty list", async () => {
    expect(await query("update items set n = n + 1 where n = $1", [99])).toEqual([]);
    expect(await query("select 1 as one where false")).toEqual([]);
  });

  it("throws the database's error, keeps nothing of a statement that did not parse, and goes on", async () => {
    await expect(query("insert into items (id, n) values ($1, $2)", ["6f1c8f2e-34a4-4c9b-9a59-0d7d4b1f7a01", 3])).rejects.toMatchObject({ code: "23505" });
    await expect(query("selec 1")).rejects.toMatchObject({ code: "42601" });
    await expect(query("selec 1")).rejects.toMatchObject({ code: "42601" });
    await expect(query("select $1::jsonb as data", ["{not json"])).rejects.toMatchObject({ code: "22P02" });
    expect(await query("select $1::jsonb as data", ['{"ok":true}'])).toEqual([{ data: { ok: true } }]);
  });

  it("prepares again when a table it reads has changed shape", async () => {
    const text = "select * from items where n = $1";
    expect(Object.keys((await query<Record<string, unknown>>(text, [1]))[0]!)).not.toContain("note");
    await pglite.exec("alter table items add column note text");
    expect(Object.keys((await query<Record<string, unknown>>(text, [1]))[0]!)).toContain("note");
  });

  it("inside a transaction sees its writes and rolls back with it; outside statements wait for it", async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | null = null;
    await pglite
      .transaction(async (tx) => {
        const inTx = <Row,>(text: string, params?: unknown[]) =>
          pgliteQuery<Row>(pglite, text, params, { inTransaction: true, unprepared: async () => (await tx.query<Row>(text, params)).rows });
        await inTx("insert into items (id, n) values ($1, $2)", ["6f1c8f2e-34a4-4c9b-9a59-0d7d4b1f7a03", 7]);
        // Started while the transaction is open: it must not run inside it.
        outside = query<{ count: number }>("select count(*)::int as count from items where n = 7").then((rows) => order.push(`outside saw ${rows[0]!.count}`));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await inTx("select count(*)::int as count from items where n = 7")).toEqual([{ count: 1 }]);
        order.push("transaction ends");
        await tx.rollback();
      })
      .catch(() => undefined);
    await outside;
    expect(order).toEqual(["transaction ends", "outside saw 0"]);
  });

  it("takes PGlite's own path for texts past the limit, and they still work", async () => {
    const results: number[] = [];
    for (let i = 0; i < 520; i++) results.push((await query<{ value: number }>(`select ${i} + $1::int as value`, [1]))[0]!.value);
    expect(results.at(-1)).toBe(520);
    expect((await preparedNames()).length).toBeLessThanOrEqual(500);
  });

  it("two copies of the module (Next bundles it once per route) share one instance's statements", async () => {
    vi.resetModules();
    const copy = (await import("./pglite-statements")).pgliteQuery;
    expect(copy).not.toBe(pgliteQuery);
    const text = "select $1::int * 2 as doubled";
    const other = <Row,>(params: unknown[]) => copy<Row>(pglite, text, params, { inTransaction: false, unprepared: async () => (await pglite.query<Row>(text, params)).rows });
    expect(await other([2])).toEqual([{ doubled: 4 }]);
    expect(await query(`${text} -- a text the first copy has not seen`, [3])).toEqual([{ doubled: 6 }]);
    expect(await query(text, [4])).toEqual([{ doubled: 8 }]);
  });
});
