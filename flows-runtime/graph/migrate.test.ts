import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { step } from "../engine/step";
import { testContext } from "../testing/test-context";
import v0Onboarding from "./fixtures/v0-onboarding.json";
import { DocumentMigrationError, migrateDocument } from "./migrate";

describe("migrateDocument", () => {
  it("upgrades a v0 React Flow export to a v1 document", () => {
    const doc = migrateDocument(structuredClone(v0Onboarding));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.settings).toEqual({ name: "Welcome + follow-up", channels: ["whatsapp", "webchat"] });
    expect(Object.keys(doc.nodes)).toEqual(["start", "hello", "later", "tagit", "bye"]);
    expect(doc.nodes.hello).toEqual({ id: "hello", kind: "message", data: { text: "Hi {{contact.first_name}}! Welcome." }, position: { x: 320, y: 120 } });
    // The v0 wait counted seconds; v1 has an amount and a unit.
    expect(doc.nodes.later?.data).toEqual({ amount: 3600, unit: "seconds" });
    expect(doc.edges).toContainEqual({ id: "reactflow__edge-start-hello", source: "start", sourcePort: "next", target: "hello" });
    // An edge saved without an id gets a stable one.
    expect(doc.edges).toContainEqual({ id: "later:next->tagit", source: "later", sourcePort: "next", target: "tagit" });
    expect(doc.variables).toEqual([{ key: "plan", label: "plan" }]);
    expect(doc.viewport).toEqual({ x: -12.5, y: 30, zoom: 0.8 });
  });

  it("gives a document that compiles cleanly and runs as it did", () => {
    const { graph, diagnostics } = compile(migrateDocument(structuredClone(v0Onboarding)), { knownFields: [] });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const first = step(graph!, null, { type: "start", reason: "first_message", message: { text: "hi" } }, testContext({ contact: { fields: { first_name: "Mei" } } }));
    expect(first.actions).toContainEqual({ type: "send", nodeId: "hello", message: { text: "Hi Mei! Welcome.", choices: [] } });
    const schedule = first.actions.find((action) => action.type === "schedule");
    expect(schedule).toMatchObject({ nodeId: "later", at: testContext().now + 3_600_000 });
  });

  it("leaves a current document as it is", () => {
    const current = migrateDocument(structuredClone(v0Onboarding));
    expect(migrateDocument(structuredClone(current))).toEqual(current);
  });

  it("refuses a document from a newer Kaiwa with a clear message", () => {
    expect(() => migrateDocument({ ...migrateDocument(structuredClone(v0Onboarding)), schemaVersion: 7 })).toThrow(
      /newer version of Kaiwa \(document version 7\)/,
    );
  });

  it("refuses nonsense versions and non-objects", () => {
    expect(() => migrateDocument({ schemaVersion: "two" })).toThrow(DocumentMigrationError);
    expect(() => migrateDocument([1, 2])).toThrow(/not a JSON object/);
  });
});
