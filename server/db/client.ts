import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import { analyzeGrowingTables } from "./pglite-analyze";
import { pgliteQuery } from "./pglite-statements";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

// One handle over either backend: drizzle for the schema and admin queries, raw SQL for adapters and
// the hot path (drizzle's query builder costs ~2x CPU per message there, see DESIGN.md section 4).
export type Database = {
  kind: DatabaseKind;
  db: Db;
  query: <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;
  // Several statements without parameters (pg-boss's migrations, tests).
  exec: (text: string) => Promise<void>;
  close: () => Promise<void>;
  // Backend-specific handles, for the pieces that must talk to the driver itself.
  pglite?: PGlite;
  sql?: postgres.Sql;
  url?: string;
};

// poolSize: PostgreSQL connections (default 10).
export type DatabaseOptions = { url?: string; dataDir?: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const analyzer = analyzeGrowingTables(pglite);
  return {
    kind: "pglite",
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    query: <Row,>(text: string, params?: unknown[]) =>
      pgliteQuery<Row>(pglite, text, params, { inTransaction: false, unprepared: async () => (await pglite.query<Row>(text, params)).rows }),
    exec: async (text) => {
      await pglite.exec(text);
    },
    close: () => {
      analyzer.stop();
      return pglite.close();
    },
    pglite,
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const sql = postgres(url, { max: poolSize, onnotice: () => {}, connect_timeout: 5 });
  return {
    kind: "postgres",
    db: drizzlePostgres(sql, { schema }) as unknown as Db,
    query: async <Row,>(text: string, params?: unknown[]) => (await preparedQuery(sql, text, params)) as unknown as Row[],
    exec: async (text) => {
      await sql.unsafe(text).simple();
    },
    close: () => sql.end({ timeout: 5 }),
    sql,
    url,
  };
}

// The hot path's statements are a fixed set of texts: preparing them once per connection saves the
// server a parse and plan, and the wire a Parse and Describe, on every call (DESIGN.md section 4).
// Without parameters the simple protocol is used, which also allows several statements in one text.
export function preparedQuery(sql: Pick<postgres.Sql, "unsafe">, text: string, params: unknown[] | undefined) {
  const values = (params ?? []) as postgres.ParameterOrJSON<never>[];
  return values.length > 0 ? sql.unsafe(text, values, { prepare: true }) : sql.unsafe(text, values);
}
