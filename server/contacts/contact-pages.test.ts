import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";

// Keyset pages over many contacts that tie on every sort value: walking the pages in any order must give
// every contact exactly once.
describe(`contact pages on ${testBackend()}`, () => {
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;
  const total = 230;

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemoWorkspace(database);
    caller = createCaller({ database, queue: null, workspaceId: demo.workspaceId, userId: demo.ownerId });
    // Ten names, three creation instants and activity times with microseconds: lots of ties.
    await database.query(
      `insert into contacts (workspace_id, display_name, fields, created_at, last_activity_at)
       select $1, 'Person ' || (i % 10), jsonb_build_object('n', i),
              timestamptz '2025-01-01 00:00:00.000001+00' + ((i % 3) || ' microseconds')::interval,
              timestamptz '2025-02-01 00:00:00.123456+00' + ((i % 7) || ' seconds')::interval
       from generate_series(1, ${total}) as i`,
      [demo.workspaceId],
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["created", "asc"],
    ["created", "desc"],
    ["last_activity", "asc"],
    ["last_activity", "desc"],
  ] as const)("pages by %s %s without duplicates or gaps", async (by, direction) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.contacts.list({ sort: { by, direction }, limit: 17, cursor });
      seen.push(...page.contacts.map((contact) => contact.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 17));
  });

  it("pages a filtered set the same way, and the count agrees", async () => {
    // Display names "Person 3" (23 of them) plus every other contact whose n contains a 3.
    const filter = { search: "person 3" };
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.contacts.list({ filter, sort: { by: "name", direction: "asc" }, limit: 10, cursor });
      ids.push(...page.contacts.map((contact) => contact.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await caller.contacts.count({ filter }));
    expect(await caller.contacts.count({ filter: { search: "person 3", fields: [{ key: "n", operator: "less", value: "30" }] } })).toBe(
      [...Array(29).keys()].map((i) => i + 1).filter((n) => n % 10 === 3 || String(n).includes("3")).length,
    );
  });
});
