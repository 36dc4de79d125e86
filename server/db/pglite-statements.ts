import { protocol, types, type PGlite } from "@electric-sql/pglite";

const { serialize } = protocol;

type PreparedStatement = { name: string; paramTypes: number[]; fields: { name: string; dataTypeID: number }[] };
type BackendMessage = { name: string; dataTypeIDs?: number[]; fields?: unknown[] };

// The hot path is a fixed set of texts; a text built per call (a list of n placeholders) would grow
// the cache without end, so past this many it takes PGlite's own unnamed path.
const MAX_PREPARED = 500;
// Kept on the instance under a global symbol: Next bundles this module more than once (one copy per
// route bundle), and copies with their own cache and counter would give two statements one name.
const CACHE = Symbol.for("kaiwa.preparedStatements");
type StatementCache = { byText: Map<string, PreparedStatement>; named: number };

function cacheOf(pglite: PGlite): StatementCache {
  const holder = pglite as PGlite & { [CACHE]?: StatementCache };
  return (holder[CACHE] ??= { byText: new Map(), named: 0 });
}

// PGlite's query() parses and plans every statement anew and crosses into WebAssembly six times for
// it (Parse, Describe, Bind, Describe, Execute, Sync). A named statement is parsed once per instance;
// each call after that is one crossing with Bind, Execute and Sync, and its plan may be reused: 3-4x
// less time per statement, most of all for the runtime's large CTEs (DESIGN.md section 4). Results
// are parsed as query() parses them. `inTransaction`: the caller holds PGlite's transaction lock (it
// is inside pglite.transaction), so only the statement lock is taken. `unprepared` runs the text the
// usual way, for texts past the cache's limit.
export async function pgliteQuery<Row>(
  pglite: PGlite,
  text: string,
  params: unknown[] | undefined,
  options: { inTransaction: boolean; unprepared: () => Promise<Row[]> },
): Promise<Row[]> {
  const cache = cacheOf(pglite);
  if (!cache.byText.has(text) && cache.byText.size >= MAX_PREPARED) return options.unprepared();
  const run = () => pglite.runExclusive(() => runPrepared<Row>(pglite, cache, text, params ?? [], options.inTransaction));
  if (options.inTransaction) return run();
  const rows = await pglite._runExclusiveTransaction(run);
  await pglite.syncToFs();
  return rows;
}

async function runPrepared<Row>(pglite: PGlite, cache: StatementCache, text: string, params: unknown[], inTransaction: boolean): Promise<Row[]> {
  let statement = cache.byText.get(text);
  if (!statement) {
    // Never reused, so a statement prepared again after a schema change cannot meet its old self.
    const name = `kaiwa_${(cache.named += 1)}`;
    const messages = (await send(pglite, [serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()])) as BackendMessage[];
    statement = describedStatement(name, messages);
    cache.byText.set(text, statement);
  }
  try {
    return await execute<Row>(pglite, statement, params);
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    // A table the statement reads changed shape since it was prepared: prepare it again. Inside a
    // transaction the error has aborted it, so the caller's next attempt does.
    cache.byText.delete(text);
    await send(pglite, [serialize.close({ type: "S", name: statement.name }), serialize.sync()]).catch(() => undefined);
    if (inTransaction) throw error;
    return runPrepared<Row>(pglite, cache, text, params, inTransaction);
  }
}

function isStalePlan(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === "0A000" && error.message.includes("cached plan must not change result type");
}

function describedStatement(name: string, messages: BackendMessage[]): PreparedStatement {
  const parameters = messages.find((message) => message.name === "parameterDescription");
  const rows = messages.find((message) => message.name === "rowDescription");
  return { name, paramTypes: parameters?.dataTypeIDs ?? [], fields: (rows?.fields ?? []) as PreparedStatement["fields"] };
}

async function execute<Row>(pglite: PGlite, statement: PreparedStatement, params: unknown[]): Promise<Row[]> {
  const values = params.map((value, index) => {
    if (value === null || value === undefined) return null;
    const serializer = pglite.serializers[statement.paramTypes[index]!];
    return serializer ? serializer(value) : String(value);
  });
  const messages = (await send(pglite, [serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()])) as (BackendMessage & { fields: (string | null)[] })[];
  const rows: Row[] = [];
  for (const message of messages) {
    if (message.name !== "dataRow") continue;
    const row: Record<string, unknown> = {};
    statement.fields.forEach((field, index) => {
      row[field.name] = types.parseType(message.fields[index] ?? null, field.dataTypeID, pglite.parsers);
    });
    rows.push(row as Row);
  }
  return rows;
}

// One crossing into PGlite for the whole message sequence. A failed statement throws; the Sync after
// it has then already ended the failed extended-protocol exchange, but one more is harmless and makes
// sure the next statement is not skipped.
async function send(pglite: PGlite, messages: Uint8Array[]): Promise<unknown[]> {
  const buffer = new Uint8Array(messages.reduce((total, message) => total + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    buffer.set(message, offset);
    offset += message.length;
  }
  try {
    return await pglite.execProtocolStream(buffer, { syncToFs: false });
  } catch (error) {
    await pglite.execProtocolStream(serialize.sync(), { syncToFs: false }).catch(() => undefined);
    throw error;
  }
}
