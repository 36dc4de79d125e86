import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { channels, fieldDefinitions, flows, flowVersions, memberships, tags, users, workspaces } from "@/drizzle/schema";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { applyMigrations, migrationState } from "./migrate";
import { findDemoWorkspace, seedDemoWorkspace } from "./seed";

const tables = [
  "workspaces", "users", "memberships", "channels", "contacts", "contact_identities", "tags", "contact_tags",
  "field_definitions", "flows", "flow_versions", "sessions", "conversations", "messages", "inbound_events",
  "outbox", "broadcasts", "broadcast_recipients",
];

describe(`database on ${testBackend()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("starts with no migrations applied, then applies all of them", async () => {
    expect((await migrationState(database)).applied).toBe(0);
    await applyMigrations(database);
    const state = await migrationState(database);
    expect(state.upToDate).toBe(true);
    expect(state.applied).toBe(state.expected);
    expect(database.kind).toBe(testBackend());
  });

  it("creates every table of the data model, each workspace-owned one with workspace_id", async () => {
    const rows = await database.query<{ table_name: string; has_workspace: boolean }>(
      `select t.table_name,
              exists(select 1 from information_schema.columns c
                     where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'workspace_id') as has_workspace
         from information_schema.tables t where t.table_schema = 'public'`,
    );
    const byName = new Map(rows.map((row) => [row.table_name, row.has_workspace]));
    for (const table of tables) expect(byName.has(table), table).toBe(true);
    for (const table of tables.filter((name) => name !== "workspaces" && name !== "users")) {
      expect(byName.get(table), `${table}.workspace_id`).toBe(true);
    }
  });

  it("applying migrations again changes nothing", async () => {
    const before = await migrationState(database);
    await applyMigrations(database);
    expect(await migrationState(database)).toEqual(before);
  });

  it("seeds the demo workspace idempotently", async () => {
    const first = await seedDemoWorkspace(database);
    const snapshot = async () => ({
      workspaces: (await database.db.select({ n: count() }).from(workspaces))[0]!.n,
      users: (await database.db.select({ n: count() }).from(users))[0]!.n,
      memberships: (await database.db.select({ n: count() }).from(memberships))[0]!.n,
      fields: await database.db.select({ key: fieldDefinitions.key }).from(fieldDefinitions).where(eq(fieldDefinitions.workspaceId, first.workspaceId)),
      tags: await database.db.select({ name: tags.name }).from(tags).where(eq(tags.workspaceId, first.workspaceId)),
      flows: await database.db.select({ name: flows.name, published: flows.publishedVersionId }).from(flows).orderBy(flows.name),
      versions: (await database.db.select({ n: count() }).from(flowVersions))[0]!.n,
      channels: await database.db.select({ type: channels.type, name: channels.name, publicKey: channels.publicKey, workspaceId: channels.workspaceId }).from(channels),
    });
    const afterFirst = await snapshot();
    const second = await seedDemoWorkspace(database);
    expect(second).toEqual(first);
    expect(await snapshot()).toEqual(afterFirst);
    expect(afterFirst.workspaces).toBe(1);
    expect(afterFirst.fields.map((field) => field.key).sort()).toEqual(["birthday", "budget", "company", "company_size", "interest"]);
    expect(afterFirst.tags.length).toBeGreaterThanOrEqual(3);
    // Example flows from every starter template; the onboarding survey is live.
    expect(afterFirst.flows.map((flow) => flow.name)).toEqual(["FAQ bot", "Greeting and away message", "Lead capture", "Onboarding survey", "Tagging rules"]);
    expect(afterFirst.flows.filter((flow) => flow.published).map((flow) => flow.name)).toEqual(["Onboarding survey"]);
    expect(afterFirst.versions).toBe(1);
    // A web-chat channel with the well-known key the /demo page embeds.
    expect(afterFirst.channels).toEqual([{ type: "webchat", name: "Website chat", publicKey: "demo-webchat", workspaceId: first.workspaceId }]);
    expect(await findDemoWorkspace(database)).toEqual(first);
  });

  it("keeps a user's edits to seeded rows when the seed runs again", async () => {
    const { workspaceId } = await seedDemoWorkspace(database);
    await database.db.delete(flows).where(eq(flows.name, "FAQ bot"));
    await database.db.update(tags).set({ color: "violet" }).where(eq(tags.name, "vip"));
    await seedDemoWorkspace(database);
    const [vip] = await database.db.select().from(tags).where(eq(tags.name, "vip"));
    expect(vip?.color).toBe("violet");
    expect(vip?.workspaceId).toBe(workspaceId);
    // A deleted example flow does not come back.
    expect(await database.db.select().from(flows).where(eq(flows.name, "FAQ bot"))).toEqual([]);
  });
});
