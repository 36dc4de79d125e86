import { readFileSync } from "node:fs";
import { createCaller } from "../api/root";
import { channelTypeSchema } from "@/flows-runtime";
import { webhookUrl } from "../channels/webhook-url";
import { openDatabase, type Database } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { DEMO_WORKSPACE_SLUG, seedDemoWorkspace } from "../db/seed";
import { DomainError } from "../domain-errors";
import { env } from "../env.js";

const usage = `Usage: npm run kaiwa -- <command>

  channel create --type <type> --name <name> --credentials <json> [--api-base-url <url>]
                                      create a channel; prints its id and webhook URL
  channel list                        list channels with their webhook URLs
  flow import <file.json> [--publish] [--default]
                                      import a flow document (optionally publish it, make it the default)
  flow publish <flowId> [--default]   publish a flow's draft
  flow list                           list flows with their published version

Options: --workspace <slug> (only "demo" exists until accounts do).
With the embedded database (no DATABASE_URL) stop the server first: PGlite allows one process per
data directory, and the CLI refuses with an error while the server holds it.`;

// The admin CLI reuses the tRPC procedures (createCaller), so its rules are the app's rules.
async function main(argv: string[]): Promise<number> {
  const [area, command, ...rest] = argv;
  const options = parseOptions(rest);
  if (!area || !command || options.flags.has("help")) {
    console.log(usage);
    return area ? 0 : 1;
  }
  const workspace = options.values.get("workspace") ?? DEMO_WORKSPACE_SLUG;
  if (workspace !== DEMO_WORKSPACE_SLUG) throw new CliError(`unknown workspace "${workspace}" (only "${DEMO_WORKSPACE_SLUG}" exists)`);
  const database = await open();
  try {
    const { workspaceId, ownerId } = await seedDemoWorkspace(database);
    const caller = createCaller({ database, queue: null, workspaceId, userId: ownerId });
    const key = `${area} ${command}`;
    if (key === "channel create") {
      const type = channelTypeSchema.safeParse(required(options, "type"));
      if (!type.success) throw new CliError(`--type must be one of ${channelTypeSchema.options.join(", ")}`);
      const credentials = options.values.has("credentials") ? parseJson(options.values.get("credentials")!, "--credentials") : undefined;
      const channel = await caller.channels.create({
        type: type.data,
        name: required(options, "name"),
        ...(credentials !== undefined ? { credentials } : {}),
        ...(options.values.has("api-base-url") ? { apiBaseUrl: options.values.get("api-base-url") } : {}),
      } as Parameters<typeof caller.channels.create>[0]);
      console.log(JSON.stringify({ id: channel.id, type: channel.type, name: channel.name, webhookUrl: webhookUrl(type.data, channel.id) }));
      return 0;
    }
    if (key === "channel list") {
      const rows = await database.query<{ id: string; type: string; name: string }>(
        "select id, type, name from channels where workspace_id = $1 and status <> 'simulator' order by created_at",
        [workspaceId],
      );
      for (const row of rows) console.log(`${row.id}  ${row.type.padEnd(9)}  ${row.name}  ${webhookUrl(channelTypeSchema.parse(row.type), row.id)}`);
      return 0;
    }
    if (key === "flow import") {
      const file = options.positional[0];
      if (!file) throw new CliError("flow import needs a file: npm run kaiwa -- flow import flow.json");
      const flow = await caller.flows.import({ json: readFileSync(file, "utf8") });
      const published = options.flags.has("publish") ? await caller.flows.publish({ id: flow.id }) : null;
      if (options.flags.has("default")) await makeDefault(database, workspaceId, flow.id);
      console.log(JSON.stringify({ id: flow.id, name: flow.name, publishedVersion: published?.version ?? null }));
      return 0;
    }
    if (key === "flow publish") {
      const id = options.positional[0];
      if (!id) throw new CliError("flow publish needs a flow id");
      const published = await caller.flows.publish({ id });
      if (options.flags.has("default")) await makeDefault(database, workspaceId, id);
      console.log(JSON.stringify({ id, version: published.version, hash: published.hash }));
      return 0;
    }
    if (key === "flow list") {
      const rows = await database.query<{ id: string; name: string; version: number | null; is_default: boolean }>(
        `select f.id, f.name, v.version, f.is_default from flows f left join flow_versions v on v.id = f.published_version_id
         where f.workspace_id = $1 order by f.created_at`,
        [workspaceId],
      );
      for (const row of rows) console.log(`${row.id}  ${row.version ? `v${row.version}` : "draft"}${row.is_default ? " (default)" : ""}  ${row.name}`);
      return 0;
    }
    throw new CliError(`unknown command "${key}"\n\n${usage}`);
  } finally {
    await database.close();
  }
}

// The default flow answers when no trigger matches; one per workspace.
async function makeDefault(database: Database, workspaceId: string, flowId: string): Promise<void> {
  await database.query("update flows set is_default = (id = $2) where workspace_id = $1", [workspaceId, flowId]);
}

async function open(): Promise<Database> {
  const config = env();
  try {
    const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.KAIWA_DATA_DIR });
    await applyMigrations(database);
    return database;
  } catch (error) {
    if (!config.DATABASE_URL) {
      throw new CliError(
        `could not open the embedded database in ${config.KAIWA_DATA_DIR} (${(error as Error).message}). ` +
          "PGlite allows one process per data directory: stop the Kaiwa server (or worker) first, or use DATABASE_URL.",
      );
    }
    throw error;
  }
}

class CliError extends Error {}

// A refused publish carries the compiler's diagnostics (through the tRPC error's cause): name each one,
// with its node, so the operator can fix the document without opening the builder.
function diagnosticLines(error: unknown): string[] {
  const cause = (error as { cause?: unknown }).cause;
  if (!(cause instanceof DomainError)) return [];
  const diagnostics = (cause.details?.diagnostics ?? []) as { code: string; message: string; nodeId?: string }[];
  return diagnostics.map((diagnostic) => `${diagnostic.code}${diagnostic.nodeId ? ` (node ${diagnostic.nodeId})` : ""}: ${diagnostic.message}`);
}

type Options = { values: Map<string, string>; flags: Set<string>; positional: string[] };
const valueOptions = new Set(["type", "name", "credentials", "api-base-url", "workspace"]);

function parseOptions(args: string[]): Options {
  const options: Options = { values: new Map(), flags: new Set(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) options.positional.push(arg);
    else if (valueOptions.has(arg.slice(2))) options.values.set(arg.slice(2), args[++i] ?? "");
    else options.flags.add(arg.slice(2));
  }
  return options;
}

function required(options: Options, name: string): string {
  const value = options.values.get(name);
  if (!value) throw new CliError(`--${name} is required`);
  return value;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${what} is not valid JSON`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`kaiwa: ${(error as Error).message}`);
    for (const line of diagnosticLines(error)) console.error(`  ${line}`);
    process.exit(1);
  },
);
