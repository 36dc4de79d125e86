import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { Database } from "./client";

export const migrationsFolder = path.join(process.cwd(), "drizzle", "migrations");

// Any number, the same in every Kaiwa process: only one of them migrates at a time.
const MIGRATION_LOCK = 7_316_001;

export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several workers may start together on one PostgreSQL. A one-connection client holds a session-level
  // advisory lock while it migrates, so they take turns and the later ones find nothing left to apply.
  const single = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(single), { migrationsFolder });
  } finally {
    await single.end({ timeout: 5 });
  }
}

export type MigrationState = { applied: number; expected: number; upToDate: boolean; latest: string | null };

export async function migrationState(database: Database): Promise<MigrationState> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const [exists] = await database.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  const rows = exists?.present
    ? await database.query<{ count: string | number }>("select count(*) as count from drizzle.__drizzle_migrations")
    : [{ count: 0 }];
  const applied = Number(rows[0]?.count ?? 0);
  const expected = journal.entries.length;
  return { applied, expected, upToDate: applied >= expected, latest: journal.entries.at(-1)?.tag ?? null };
}
