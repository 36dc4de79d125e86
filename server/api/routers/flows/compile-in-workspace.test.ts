import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterTemplates } from "@/flows-runtime";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { seedDemoWorkspace } from "../../../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../../../testing/test-database";
import { createCaller } from "../../root";

// Flows compile against the workspace's own typed fields: saving and publishing warn where a value
// cannot fit the field it is saved to.
describe(`flows against the workspace's fields (${testBackend()})`, () => {
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId, ownerId } = await seedDemoWorkspace(database);
    caller = createCaller({ database, queue: null, workspaceId, userId: ownerId });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("warns on save when a question's answer or a set_field value does not fit the field's type", async () => {
    const doc = buildDoc({
      name: "Mismatched",
      nodes: {
        t: ["trigger", { anyMessage: true }],
        size: ["question", { prompt: "How big is your team?", answerType: "text", saveTo: { target: "field", key: "company_size" } }],
        budget: ["set_field", { target: "field", key: "budget", value: "a lot" }],
      },
      edges: ["t -> size", "size:answered -> budget"],
    });
    const flow = await caller.flows.import({ json: JSON.stringify(doc) });
    const { revision } = await caller.flows.get({ id: flow.id });
    const saved = await caller.flows.save({ id: flow.id, baseRevision: revision, document: { ...doc, id: flow.id } });
    const mismatches = Object.fromEntries(
      saved.diagnostics.filter((diagnostic) => diagnostic.code === "field_type_mismatch").map((diagnostic) => [diagnostic.nodeId, diagnostic]),
    );
    expect(Object.keys(mismatches).sort()).toEqual(["budget", "size"]);
    expect(mismatches.size).toMatchObject({ severity: "warning", message: expect.stringMatching(/"company_size", a number field/) });
    expect(mismatches.budget).toMatchObject({ severity: "warning", message: expect.stringMatching(/"a lot" does not fit "budget"/) });
    // Warnings do not block publishing.
    expect((await caller.flows.publish({ id: flow.id })).version).toBe(1);
  });

  it("the starter templates fit the demo workspace's fields", async () => {
    for (const template of starterTemplates) {
      const flow = await caller.flows.import({ json: JSON.stringify(template.build()) });
      const { revision, document } = await caller.flows.get({ id: flow.id });
      const saved = await caller.flows.save({ id: flow.id, baseRevision: revision, document });
      expect(saved.diagnostics.filter((diagnostic) => diagnostic.code === "field_type_mismatch"), template.id).toEqual([]);
    }
  });
});
