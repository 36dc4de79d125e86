import type { Database } from "../../db/client";
import { log } from "../../log";
import type { Queue } from "../../queue/queue";
import { runImport } from "./run-import";

export const CONTACT_IMPORT_QUEUE = "kaiwa.contact-import";

type ImportJob = { importId: string };

const holder = globalThis as typeof globalThis & { __kaiwaImportWorkers?: WeakSet<object> };
const workers = (holder.__kaiwaImportWorkers ??= new WeakSet());

// Registers the import worker on this queue once per process (Next bundles routes separately, so the
// marker lives on globalThis). Called before every enqueue and at boot, so imports queued before a
// restart resume.
export async function startImportWorker(database: Database, queue: Queue): Promise<void> {
  if (workers.has(queue)) return;
  workers.add(queue);
  await queue.createQueue(CONTACT_IMPORT_QUEUE);
  await queue.work<ImportJob>(CONTACT_IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runImport(database, job.data.importId);
  });
}

// Runs an import as a durable job; without a queue (KAIWA_QUEUE=false) in this process, in the background.
export async function enqueueImport(database: Database, queue: Queue | null, importId: string): Promise<void> {
  if (!queue) {
    void runImport(database, importId).catch((error: unknown) => log.error("contact import failed", { importId, error }));
    return;
  }
  await startImportWorker(database, queue);
  // An hour per attempt is plenty for 200,000 rows; a retry resumes after the last committed chunk.
  await queue.send(CONTACT_IMPORT_QUEUE, { importId } satisfies ImportJob, { retryLimit: 3, retryDelay: 5, expireInSeconds: 3600, singletonKey: importId });
}
