import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

describe("tag node", () => {
  const graph = buildGraph({
    nodes: {
      t: ["trigger", { anyMessage: true }],
      tag: ["tag", { add: ["lead", "vip"], remove: ["cold"] }],
      m: ["message", { text: "Tags: {{contact.tags}}" }],
    },
    edges: ["t -> tag", "tag -> m"],
  });

  it("adds and removes tags, and later steps see them in the same step", () => {
    const result = conversation(graph, { contact: { tags: ["cold", "vip"] } }).start();
    expect(result.actions.filter((a) => a.type === "add_tag" || a.type === "remove_tag")).toEqual([
      { type: "add_tag", nodeId: "tag", tag: "lead" },
      { type: "remove_tag", nodeId: "tag", tag: "cold" },
    ]);
    expect(sentTexts(result)).toEqual(["Tags: vip, lead"]);
  });

  it("emits nothing when the tags are already as requested", () => {
    const result = conversation(graph, { contact: { tags: ["lead", "vip"] } }).start();
    expect(result.actions.filter((a) => a.type === "add_tag" || a.type === "remove_tag")).toEqual([]);
    expect(result.trace[1]?.note).toMatch(/no change/);
  });

  it("reports an empty tag step, a tag both added and removed, and a blank tag", () => {
    const { diagnostics } = compile(
      buildDoc({
        nodes: { t: ["trigger", { anyMessage: true }], a: ["tag", {}], b: ["tag", { add: ["x"], remove: ["x"] }], c: ["tag", { add: ["  "] }] },
        edges: ["t -> a", "a -> b", "b -> c"],
      }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "no_tags", nodeId: "a", severity: "warning" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "tag_added_and_removed", nodeId: "b", severity: "warning" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "c", severity: "error" }));
  });
});
