import { seedDemoWorkspace } from "@/server/db/seed";
import { startQueue } from "@/server/queue/queue";
import { createTestDatabase } from "@/server/testing/test-database";
import { figures, machineFacts, target, type BenchResult } from "./lib/bench-result";

const QUEUE = "bench.broadcast";
const BATCH = 5_000;

// Broadcast-style fan-out: one durable pg-boss job per recipient, enqueued in batches (one insert
// statement per batch), as a broadcast to a segment would.
export async function fanoutBench({ smoke }: { smoke: boolean }): Promise<BenchResult> {
  const recipients = smoke ? 2_000 : 100_000;
  const runs = smoke ? 1 : 3;
  const database = await createTestDatabase();
  const postgres = database.kind === "postgres" ? ((await database.query<{ v: string }>("select current_setting('server_version') as v"))[0]?.v ?? null) : null;
  await seedDemoWorkspace(database);
  const queue = await startQueue(database);
  await queue.createQueue(QUEUE);
  const rates: number[] = [];
  const seconds: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      for (let offset = 0; offset < recipients; offset += BATCH) {
        const jobs = Array.from({ length: Math.min(BATCH, recipients - offset) }, (_, i) => ({ name: QUEUE, data: { broadcastId: `b${run}`, contactId: `c${offset + i}` } }));
        await queue.insert(jobs);
      }
      const elapsed = (performance.now() - started) / 1000;
      seconds.push(elapsed);
      rates.push(recipients / elapsed);
    }
    const [{ n } = { n: 0 }] = await database.query<{ n: number }>("select count(*)::int as n from pgboss.job where name = $1", [QUEUE]);
    if (n !== recipients * runs) throw new Error(`expected ${recipients * runs} jobs, found ${n}`);
  } finally {
    await queue.stop({ graceful: false, wait: false }).catch(() => {});
    await database.drop();
  }
  const median = figures(seconds, "s").median;
  return {
    name: `fanout-${database.kind}`,
    workload: `${recipients} pg-boss jobs enqueued in batches of ${BATCH}, ${runs} runs`,
    machine: machineFacts(postgres),
    figures: { rowsPerSecond: figures(rates, "rows/s"), seconds: figures(seconds, "s") },
    targets: database.kind === "postgres" && !smoke ? [target("100,000 recipients enqueued in ≤ 3 s", median, 3, "lower", "s")] : [],
    smoke,
  };
}
