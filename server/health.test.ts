import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client";
import { checkHealth, healthStatusCode } from "./health";
import { startQueue, type Queue } from "./queue/queue";
import { createTestDatabase, testBackend, type TestDatabase } from "./testing/test-database";

describe(`health on ${testBackend()}`, () => {
  let database: TestDatabase;
  let queue: Queue;
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await startQueue(database);
  });
  afterAll(async () => {
    await queue.stop({ graceful: false, wait: true });
    await database.drop();
  });

  it("answers 200 with the database kind, migration state and queue state", async () => {
    const health = await checkHealth(database, queue);
    expect(healthStatusCode(health)).toBe(200);
    expect(health).toMatchObject({
      status: "ok",
      database: { kind: testBackend() },
      migrations: { upToDate: true },
      queue: { state: "running" },
    });
  });

  it("answers 503 with the reason when migrations are missing", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const health = await checkHealth(fresh, null);
      expect(healthStatusCode(health)).toBe(503);
      expect(health).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/migrations pending: 0 of \d+ applied/) });
    } finally {
      await fresh.drop();
    }
  });
});

describe("health when the database is unreachable", () => {
  it("answers 503 naming the database for a PostgreSQL server that does not answer", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const database = await openDatabase({ url: "postgres://kaiwa@127.0.0.1:1/kaiwa" });
    try {
      const health = await checkHealth(database, null);
      expect(healthStatusCode(health)).toBe(503);
      expect(health).toMatchObject({ status: "unavailable", database: { kind: "postgres" }, reason: expect.stringMatching(/^database unreachable: /) });
    } finally {
      await database.close();
    }
  });

  it("answers 503 for an embedded database that has been closed", async () => {
    const database = await openDatabase({});
    await database.close();
    const health = await checkHealth(database, null);
    expect(healthStatusCode(health)).toBe(503);
    expect(health).toMatchObject({ status: "unavailable", database: { kind: "pglite" } });
  });
});
