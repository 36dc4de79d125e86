import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { queueState, startQueue, type Queue } from "./queue";

describe(`pg-boss on ${testBackend()}`, () => {
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

  it("round-trips a job: sent, picked up by a worker with its data, completed", async () => {
    await queue.createQueue("kaiwa.test.echo");
    const received = new Promise<{ id: string; data: unknown }>((resolve) => {
      void queue.work<{ greeting: string }>("kaiwa.test.echo", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        resolve({ id: job!.id, data: job!.data });
      });
    });
    const id = await queue.send("kaiwa.test.echo", { greeting: "こんにちは" });
    expect(id).toBeTruthy();
    const job = await received;
    expect(job).toEqual({ id, data: { greeting: "こんにちは" } });
    // The job leaves the queue as completed once the handler resolves.
    await expect.poll(async () => (await queue.getJobById("kaiwa.test.echo", id!))?.state, { timeout: 10_000 }).toBe("completed");
  });

  it("keeps its tables in the same database as Kaiwa's", async () => {
    const rows = await database.query<{ present: boolean }>("select to_regclass('pgboss.job') is not null as present");
    expect(rows[0]?.present).toBe(true);
    expect(await queueState(queue)).toMatchObject({ state: "running" });
  });

  it("reports a disabled queue as disabled", async () => {
    expect(await queueState(null)).toEqual({ state: "disabled" });
  });
});
