import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../db/client";

const dialect = new PgDialect();

// A drizzle `sql` fragment run through the raw driver: for statements the query builder cannot express
// (insert ... select with a count, delete ... using) and that must not return every affected row.
export async function runSql<Row = Record<string, unknown>>(database: Pick<Database, "query">, statement: SQL): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  return database.query<Row>(query.sql, query.params);
}
