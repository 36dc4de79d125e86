import PgBoss from "pg-boss";
import type { Database } from "../db/client";
import { log } from "../log";

export type Queue = PgBoss;

// pg-boss on the same database as everything else. On PostgreSQL it keeps a small pool of its own;
// on PGlite it must share the one in-process instance through `db.executeSql`.
export async function startQueue(database: Database): Promise<Queue> {
  const boss =
    database.kind === "postgres"
      ? new PgBoss({ connectionString: database.url!, max: 4, schema: "pgboss" })
      : new PgBoss({ db: { executeSql: pgliteExecutor(database) }, schema: "pgboss" });
  boss.on("error", (error) => log.error("queue error", { error }));
  await boss.start();
  return boss;
}

function pgliteExecutor(database: Database) {
  const pglite = database.pglite!;
  return async (text: string, values?: unknown[]) => {
    // The extended protocol takes one statement; pg-boss sends its migrations as one multi-statement
    // string without parameters, which only the simple protocol (`exec`) accepts.
    if (!values || values.length === 0) {
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    }
    return pglite.query(text, values);
  };
}

export type QueueState = { state: "running" | "disabled" | "failing"; detail?: string; queues?: number };

export async function queueState(queue: Queue | null): Promise<QueueState> {
  if (!queue) return { state: "disabled" };
  try {
    const queues = await queue.getQueues();
    return { state: "running", queues: queues.length };
  } catch (error) {
    return { state: "failing", detail: (error as Error).message };
  }
}
