import { env } from "./env.js";
import { openDatabase, type Database } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { seedDemoWorkspace } from "./db/seed";
import { log } from "./log";
import { startQueue, type Queue } from "./queue/queue";

export type Kaiwa = { database: Database; queue: Queue | null };

// Next.js bundles instrumentation and each route separately, so module state is not shared between
// them; the one process-wide instance lives on globalThis. PGlite must never be opened twice.
const holder = globalThis as typeof globalThis & { __kaiwa?: Promise<Kaiwa> };

export function getKaiwa(): Promise<Kaiwa> {
  holder.__kaiwa ??= boot().catch((error: unknown) => {
    // Do not keep a failed start: the next request tries again (the database may come back).
    holder.__kaiwa = undefined;
    throw error;
  });
  return holder.__kaiwa;
}

async function boot(): Promise<Kaiwa> {
  const config = env();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.KAIWA_DATA_DIR });
  try {
    await applyMigrations(database);
    if (config.KAIWA_DEMO_SEED === "true") await seedDemoWorkspace(database);
    const queue = config.KAIWA_QUEUE === "true" ? await startQueue(database) : null;
    const kaiwa = { database, queue };
    // The runtime (inbound processing, outbox sender, timers) runs wherever the queue does. Imported
    // lazily: it imports this module for getRuntime().
    if (queue) await (await import("./runtime/runtime")).startRuntime(kaiwa);
    log.info("kaiwa started", { database: database.kind, queue: queue ? "running" : "disabled" });
    return kaiwa;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
