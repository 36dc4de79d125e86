import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation } from "../../testing/conversation";

describe("jump node", () => {
  it("emits a jump and ends this session (no end action)", () => {
    const graph = buildGraph({ nodes: { t: ["trigger", { anyMessage: true }], j: ["jump", { flowId: "flow-faq" }] }, edges: ["t -> j"] });
    const result = conversation(graph).start();
    expect(result.actions).toEqual([{ type: "jump", nodeId: "j", flowId: "flow-faq" }]);
    expect(result.session.status).toBe("ended");
  });

  it("reports an unknown or missing target flow", () => {
    const doc = buildDoc({
      nodes: { t: ["trigger", { anyMessage: true }], a: ["jump", { flowId: "flow-gone" }], b: ["jump", {}] },
      edges: ["t -> a"],
    });
    const checked = compile(doc, { knownFlowIds: ["flow-faq"] }).diagnostics;
    expect(checked).toContainEqual(expect.objectContaining({ code: "unknown_flow", nodeId: "a", severity: "error" }));
    expect(checked).toContainEqual(expect.objectContaining({ code: "missing_jump_target", nodeId: "b", severity: "error" }));
    // Without a list of flows, targets are not checked.
    expect(compile(doc).diagnostics.filter((d) => d.code === "unknown_flow")).toEqual([]);
  });

  it("a jump with no target errors the session at run time", () => {
    const graph = buildGraph({ nodes: { t: ["trigger", { anyMessage: true }], j: ["jump", {}] }, edges: ["t -> j"] });
    const result = conversation(graph).start();
    expect(result.actions).toEqual([{ type: "error", nodeId: "j", code: "missing_jump_target", message: expect.any(String) }]);
    expect(result.session.status).toBe("errored");
  });
});
