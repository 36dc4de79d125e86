import { preparedQuery, type Database } from "../db/client";
import { pgliteQuery } from "../db/pglite-statements";

// Raw SQL inside one transaction, on either backend: the hot path's statements, and pg-boss's `db`
// option (a job sent through `executor` commits or rolls back with everything else).
export type Tx = {
  query: <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;
  executor: { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };
};

export async function withTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (database.sql) {
    return database.sql.begin(async (sql) => {
      const query = async <Row,>(text: string, params?: unknown[]) => (await preparedQuery(sql, text, params)) as unknown as Row[];
      return work({ query, executor: { executeSql: async (text, values) => ({ rows: await query(text, values.map(asPgParameter)) }) } });
    }) as Promise<T>;
  }
  const pglite = database.pglite!;
  return pglite.transaction(async (tx) => {
    const query = <Row,>(text: string, params?: unknown[]) =>
      pgliteQuery<Row>(pglite, text, params, { inTransaction: true, unprepared: async () => (await tx.query<Row>(text, params)).rows });
    return work({ query, executor: { executeSql: async (text, values) => ({ rows: await query(text, values) }) } });
  });
}

// pg-boss is written for node-postgres, which sends undefined as NULL and an object as JSON;
// postgres.js refuses undefined and would guess the object's type.
function asPgParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}
