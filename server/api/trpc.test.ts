import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flows } from "@/drizzle/schema";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { createCaller } from "./root";

describe(`tRPC workspace guard on ${testBackend()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("refuses a workspace call made without a workspace", async () => {
    const caller = createCaller({ database, queue: null, workspaceId: null, userId: null });
    const error = await caller.flows.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
  });

  it("lists only the calling workspace's flows", async () => {
    const demo = await seedDemoWorkspace(database);
    const other = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('other', 'Other') returning id");
    const document = { schemaVersion: 1 };
    await database.db.insert(flows).values([
      { workspaceId: demo.workspaceId, name: "Demo welcome", document },
      { workspaceId: other[0]!.id, name: "Someone else's flow", document },
    ]);
    const caller = createCaller({ database, queue: null, workspaceId: demo.workspaceId, userId: demo.ownerId });
    const listed = await caller.flows.list();
    const names = listed.map((flow) => flow.name);
    expect(names).toContain("Demo welcome");
    expect(names).not.toContain("Someone else's flow");
    // The seeded examples plus the one inserted here, and nothing from the other workspace.
    expect(names).toHaveLength(6);
  });
});
