import type { Database } from "./db/client";
import { migrationState, type MigrationState } from "./db/migrate";
import { queueState, type Queue, type QueueState } from "./queue/queue";

export type Health =
  | { status: "ok"; database: { kind: Database["kind"] }; migrations: MigrationState; queue: QueueState }
  | { status: "unavailable"; reason: string; database?: { kind: Database["kind"] } };

const DATABASE_TIMEOUT_MS = 3_000;

export async function checkHealth(database: Database, queue: Queue | null): Promise<Health> {
  try {
    await withTimeout(database.query("select 1"), DATABASE_TIMEOUT_MS);
    const migrations = await migrationState(database);
    if (!migrations.upToDate) {
      return { status: "unavailable", reason: `migrations pending: ${migrations.applied} of ${migrations.expected} applied`, database: { kind: database.kind } };
    }
    return { status: "ok", database: { kind: database.kind }, migrations, queue: await queueState(queue) };
  } catch (error) {
    return { status: "unavailable", reason: `database unreachable: ${(error as Error).message}`, database: { kind: database.kind } };
  }
}

export function healthStatusCode(health: Health): number {
  return health.status === "ok" ? 200 : 503;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
