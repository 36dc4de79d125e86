import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { env } from "../env.js";
import { openDatabase, type Database } from "../db/client";
import { applyMigrations } from "../db/migrate";

export type TestDatabase = Database & { name: string; drop: () => Promise<void> };

// Each test file gets its own database: a fresh in-memory PGlite, or, when DATABASE_URL is set, a new
// PostgreSQL database created for it and dropped afterwards.
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = env().DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({});
    if (options.migrate !== false) await applyMigrations(database);
    return { ...database, name: "pglite:memory", drop: () => database.close() };
  }
  const name = `kaiwa_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (options.migrate !== false) await applyMigrations(database);
  return {
    ...database,
    name,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function testBackend(): Database["kind"] {
  return env().DATABASE_URL ? "postgres" : "pglite";
}
