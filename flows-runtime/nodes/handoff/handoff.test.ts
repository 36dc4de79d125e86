import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

describe("handoff node", () => {
  it("hands off with team, assignee and a rendered note, then continues by next", () => {
    const graph = buildGraph({
      nodes: {
        t: ["trigger", { anyMessage: true }],
        h: ["handoff", { team: "sales", assignee: "agent_7", note: "{{contact.first_name}} wants a quote" }],
        m: ["message", { text: "Someone will reply shortly." }],
      },
      edges: ["t -> h", "h -> m"],
    });
    const result = conversation(graph, { contact: { fields: { first_name: "Rin" } } }).start();
    expect(result.actions[0]).toEqual({ type: "handoff", nodeId: "h", team: "sales", assignee: "agent_7", note: "Rin wants a quote" });
    expect(sentTexts(result)).toEqual(["Someone will reply shortly."]);
    expect(result.trace[1]?.note).toBe("handed off to agent agent_7");
  });

  it("with no team or note hands off to any agent and ends when next is open", () => {
    const graph = buildGraph({ nodes: { t: ["trigger", { anyMessage: true }], h: ["handoff", {}] }, edges: ["t -> h"] });
    const result = conversation(graph).start();
    expect(result.actions).toEqual([{ type: "handoff", nodeId: "h" }, { type: "end", closeConversation: false }]);
  });

  it("rejects invalid data", () => {
    const { diagnostics } = compile(buildDoc({ nodes: { t: ["trigger", { anyMessage: true }], h: ["handoff", { team: 3 }] }, edges: ["t -> h"] }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "h" }));
  });
});
