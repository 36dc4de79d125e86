import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

describe("set_field node", () => {
  it("sets a flow variable from a template that later steps read", () => {
    const graph = buildGraph({
      nodes: {
        t: ["trigger", { anyMessage: true }],
        set: ["set_field", { target: "variable", key: "greeting", value: "Hello {{contact.first_name}}" }],
        m: ["message", { text: "{{vars.greeting}}!" }],
      },
      edges: ["t -> set", "set -> m"],
    });
    const result = conversation(graph, { contact: { fields: { first_name: "Ken" } } }).start();
    expect(result.session.variables).toEqual({ greeting: "Hello Ken" });
    expect(sentTexts(result)).toEqual(["Hello Ken!"]);
  });

  it("sets a contact field with a set_field action the next step already sees", () => {
    const graph = buildGraph({
      nodes: {
        t: ["trigger", { anyMessage: true }],
        set: ["set_field", { target: "field", key: "plan", value: "pro" }],
        m: ["message", { text: "Plan: {{contact.plan}}" }],
      },
      edges: ["t -> set", "set -> m"],
    });
    const result = conversation(graph).start();
    expect(result.actions[0]).toEqual({ type: "set_field", nodeId: "set", field: "plan", value: "pro" });
    expect(sentTexts(result)).toEqual(["Plan: pro"]);
  });

  it("reports a missing target and an unknown field, and does nothing at run time without a key", () => {
    const doc = buildDoc({
      nodes: { t: ["trigger", { anyMessage: true }], a: ["set_field", { value: "x" }], b: ["set_field", { target: "field", key: "colour", value: "x" }] },
      edges: ["t -> a", "a -> b"],
    });
    const { graph, diagnostics } = compile(doc, { knownFields: ["color"] });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "missing_target", nodeId: "a", severity: "error" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "unknown_field", nodeId: "b", severity: "error" }));
    const result = conversation(graph!).start();
    expect(result.trace[1]).toMatchObject({ nodeId: "a", note: expect.stringMatching(/nothing set/) });
  });

  it("rejects invalid data", () => {
    const { diagnostics } = compile(buildDoc({ nodes: { t: ["trigger", { anyMessage: true }], a: ["set_field", { target: "session" }] }, edges: ["t -> a"] }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "a" }));
  });
});
