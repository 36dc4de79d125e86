import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import type { StoredEvent } from "./handle-event";
import { storeEvents } from "./ingest";

const timer = (dedupeKey: string, externalId: string): StoredEvent => ({ kind: "timer", dedupeKey, contact: { externalId }, key: "k" });

// A burst's deliveries are stored together while an insert is in flight: each must still get its own
// answer, and nothing one of them does may cost another its events.
describe(`storing deliveries that arrive together (${testBackend()})`, () => {
  let database: TestDatabase;
  let channel: { id: string; workspaceId: string };
  const storedKeys = async (prefix: string) =>
    (await database.query<{ dedupe_key: string }>("select dedupe_key from inbound_events where channel_id = $1 and dedupe_key like $2 order by seq", [channel.id, `${prefix}%`])).map(
      (row) => row.dedupe_key,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId } = await seedDemoWorkspace(database);
    const [row] = await database.query<{ id: string }>("insert into channels (workspace_id, type, name) values ($1, 'telegram', 'Intake') returning id", [workspaceId]);
    channel = { id: row!.id, workspaceId };
  });
  afterAll(() => database.drop());

  it("stores every delivery in arrival order and answers each with its own counts", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => storeEvents(database, channel, [timer(`order-${String(i).padStart(2, "0")}`, `c${i}`)])));
    expect(results).toEqual(Array.from({ length: 40 }, () => ({ stored: 1, duplicates: 0 })));
    expect(await storedKeys("order-")).toEqual(Array.from({ length: 40 }, (_, i) => `order-${String(i).padStart(2, "0")}`));
  });

  it("counts a platform's quick retry, arriving with the original, as a duplicate", async () => {
    const [first, retry, again] = await Promise.all([
      storeEvents(database, channel, [timer("retry-1", "c1")]),
      storeEvents(database, channel, [timer("retry-1", "c1"), timer("retry-2", "c1")]),
      storeEvents(database, channel, [timer("retry-1", "c1")]),
    ]);
    expect([first, retry, again]).toEqual([
      { stored: 1, duplicates: 0 },
      { stored: 1, duplicates: 1 },
      { stored: 0, duplicates: 1 },
    ]);
    expect(await storedKeys("retry-")).toEqual(["retry-1", "retry-2"]);
  });

  it("fails only the delivery that cannot be stored", async () => {
    const unknownChannel = { id: randomUUID(), workspaceId: channel.workspaceId };
    const outcomes = await Promise.allSettled([
      storeEvents(database, channel, [timer("bad-batch-1", "c1")]),
      storeEvents(database, unknownChannel, [timer("bad-batch-x", "c2")]),
      storeEvents(database, channel, [timer("bad-batch-2", "c3")]),
      storeEvents(database, channel, [timer("bad-batch-3", "c4")]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(await storedKeys("bad-batch-")).toEqual(["bad-batch-1", "bad-batch-2", "bad-batch-3"]);
  });
});
