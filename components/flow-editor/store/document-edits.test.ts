import { describe, expect, it } from "vitest";
import type { EditorDocument } from "@/flows-runtime";
import {
  addNode,
  clipboardOf,
  connectNodes,
  duplicateNodes,
  moveNodes,
  parseClipboard,
  pasteClipboard,
  removeEdges,
  removeNodes,
  serialiseClipboard,
  updateNodeData,
  updateSettings,
} from "./document-edits";
import { counterIds, deepFreeze, testDocument } from "./test-document";

// Every edit gets a frozen document: mutating the input would throw.
const frozen = () => deepFreeze(testDocument());
const edgeKeys = (doc: EditorDocument) => doc.edges.map((edge) => `${edge.source}.${edge.sourcePort}->${edge.target}`).sort();

describe("addNode", () => {
  it("adds a node whose data carries the kind's defaults", () => {
    const doc = frozen();
    const next = addNode(doc, { id: "w", kind: "wait", position: { x: 10, y: 20 } });
    expect(next.nodes.w).toEqual({ id: "w", kind: "wait", data: { amount: 60, unit: "seconds" }, position: { x: 10, y: 20 } });
    expect(doc.nodes.w).toBeUndefined();
    const question = addNode(doc, { id: "q", kind: "question", position: { x: 0, y: 0 } }).nodes.q;
    expect(question?.data).toMatchObject({ prompt: "What would you like to tell us?", answerType: "text", maxAttempts: 3 });
  });

  it("never replaces an existing node", () => {
    const doc = frozen();
    expect(addNode(doc, { id: "ask", kind: "end", position: { x: 0, y: 0 } })).toBe(doc);
  });
});

describe("updateNodeData", () => {
  it("removing a question choice removes the connection from that choice only", () => {
    const doc = frozen();
    const ask = doc.nodes.ask?.data as { choices: { id: string; label: string }[] };
    const next = updateNodeData(doc, { nodeId: "ask", data: { ...ask, choices: [ask.choices[0]] } });
    expect(next.edges.map((edge) => edge.id)).not.toContain("e3");
    expect(next.edges).toHaveLength(doc.edges.length - 1);
  });

  it("removing a condition rule or a split branch removes the connections from it", () => {
    const doc = frozen();
    const lessRules = updateNodeData(doc, {
      nodeId: "check",
      data: { rules: [{ id: "new", label: "New", all: [{ subject: { kind: "tag" }, operator: "has_tag", value: "new" }] }] },
    });
    expect(edgeKeys(lessRules)).not.toContain("check.vip->done");
    expect(edgeKeys(lessRules)).toContain("check.new->done");
    expect(edgeKeys(lessRules)).toContain("check.else->done");

    const oneBranch = updateNodeData(doc, { nodeId: "ab", data: { branches: [{ id: "b", label: "B", weight: 100 }] } });
    expect(edgeKeys(oneBranch)).not.toContain("ab.a->done");
    expect(edgeKeys(oneBranch)).toContain("ab.b->done");
  });

  it("keeps connections while the data does not parse (a marketer mid-edit)", () => {
    const doc = frozen();
    const next = updateNodeData(doc, { nodeId: "ask", data: { answerType: "not-a-type", choices: [] } });
    expect(next.nodes.ask?.data).toEqual({ answerType: "not-a-type", choices: [] });
    expect(next.edges).toBe(doc.edges);
  });

  it("returns the same document for the same data or an unknown node", () => {
    const doc = frozen();
    expect(updateNodeData(doc, { nodeId: "ask", data: structuredClone(doc.nodes.ask?.data) })).toBe(doc);
    expect(updateNodeData(doc, { nodeId: "nope", data: {} })).toBe(doc);
  });
});

describe("connectNodes", () => {
  it("connects a free port", () => {
    const doc = frozen();
    const next = connectNodes(doc, { source: "ask", sourcePort: "invalid", target: "done" });
    expect(next.edges.at(-1)).toEqual({ id: "ask.invalid->done", source: "ask", sourcePort: "invalid", target: "done" });
  });

  it("replaces the connection a port already has", () => {
    const doc = frozen();
    const next = connectNodes(doc, { source: "ask", sourcePort: "pizza", target: "done" });
    const fromPizza = next.edges.filter((edge) => edge.source === "ask" && edge.sourcePort === "pizza");
    expect(fromPizza).toEqual([{ id: "ask.pizza->done", source: "ask", sourcePort: "pizza", target: "done" }]);
    expect(next.edges).toHaveLength(doc.edges.length);
  });

  it("ignores self-loops, unknown ports, missing nodes and existing connections", () => {
    const doc = frozen();
    expect(connectNodes(doc, { source: "ask", sourcePort: "invalid", target: "ask" })).toBe(doc);
    expect(connectNodes(doc, { source: "ask", sourcePort: "soup", target: "done" })).toBe(doc);
    expect(connectNodes(doc, { source: "ask", sourcePort: "invalid", target: "ghost" })).toBe(doc);
    expect(connectNodes(doc, { source: "done", sourcePort: "next", target: "ask" })).toBe(doc);
    expect(connectNodes(doc, { source: "ask", sourcePort: "pizza", target: "check" })).toBe(doc);
  });
});

describe("moveNodes, removeEdges, removeNodes, updateSettings", () => {
  it("moves nodes and ignores unknown ids and unchanged positions", () => {
    const doc = frozen();
    const next = moveNodes(doc, [{ id: "ask", position: { x: 1, y: 2 } }, { id: "ghost", position: { x: 0, y: 0 } }]);
    expect(next.nodes.ask?.position).toEqual({ x: 1, y: 2 });
    expect(next.nodes.start).toBe(doc.nodes.start);
    expect(moveNodes(doc, [{ id: "ask", position: { x: 300, y: 0 } }])).toBe(doc);
  });

  it("removes edges by id", () => {
    const doc = frozen();
    expect(removeEdges(doc, ["e1", "e2"]).edges.map((edge) => edge.id)).not.toContain("e1");
    expect(removeEdges(doc, ["nope"])).toBe(doc);
  });

  it("removing a node removes every connection into and out of it", () => {
    const doc = frozen();
    const next = removeNodes(doc, ["ask"]);
    expect(next.nodes.ask).toBeUndefined();
    expect(next.edges.some((edge) => edge.source === "ask" || edge.target === "ask")).toBe(false);
    expect(next.edges).toHaveLength(doc.edges.length - 3);
  });

  it("merges settings and returns the same document when nothing changes", () => {
    const doc = frozen();
    expect(updateSettings(doc, { name: "Dinner" }).settings).toEqual({ ...doc.settings, name: "Dinner" });
    expect(updateSettings(doc, { name: "Lunch" })).toBe(doc);
    expect(updateSettings(doc, { channels: [...doc.settings.channels] })).toBe(doc);
  });
});

describe("duplicate, copy and paste", () => {
  it("duplicates with fresh ids, +40/+40, keeping only the connections between the copies", () => {
    const doc = frozen();
    const { document, nodeIds } = duplicateNodes(doc, { nodeIds: ["ask", "check"], newId: counterIds() });
    expect(nodeIds).toEqual(["n1", "n2"]);
    expect(document.nodes.n1).toMatchObject({ kind: "question", data: doc.nodes.ask?.data, position: { x: 340, y: 40 } });
    expect(document.nodes.n2).toMatchObject({ kind: "condition", position: { x: 640, y: 40 } });
    const copied = document.edges.filter((edge) => nodeIds.includes(edge.source) || nodeIds.includes(edge.target));
    expect(copied.map((edge) => [edge.source, edge.sourcePort, edge.target])).toEqual([["n1", "pizza", "n2"]]);
    // The originals keep their connections.
    expect(document.edges.slice(0, doc.edges.length)).toEqual(doc.edges);
  });

  it("skips ids already used in the document", () => {
    const doc = frozen();
    const ids = ["ask", "e1", "fresh"];
    const { nodeIds } = duplicateNodes(doc, { nodeIds: ["done"], newId: () => ids.shift() ?? "x" });
    expect(nodeIds).toEqual(["fresh"]);
  });

  it("round-trips through clipboard JSON and pastes with new ids and remapped edges", () => {
    const source = frozen();
    const clipboard = clipboardOf(source, ["ask", "check", "done"]);
    const text = serialiseClipboard(clipboard!);
    const parsed = parseClipboard(text);
    expect(parsed?.nodes.map((node) => node.id)).toEqual(["ask", "check", "done"]);
    // Edges to nodes not copied (start -> ask, ask -> ab) are left out.
    expect(parsed?.edges.map((edge) => edge.id).sort()).toEqual(["e2", "e4", "e5", "e6"]);

    const { document, nodeIds } = pasteClipboard(source, parsed!, { newId: counterIds("p") });
    expect(nodeIds).toEqual(["p1", "p2", "p3"]);
    expect(Object.keys(document.nodes)).toHaveLength(Object.keys(source.nodes).length + 3);
    const pasted = document.edges.slice(source.edges.length);
    expect(pasted.map((edge) => `${edge.source}.${edge.sourcePort}->${edge.target}`).sort()).toEqual(
      ["p1.pizza->p2", "p2.else->p3", "p2.new->p3", "p2.vip->p3"],
    );
    expect(new Set(document.edges.map((edge) => edge.id)).size).toBe(document.edges.length);
  });

  it("anchors the pasted group's top-left corner at `at`", () => {
    const doc = frozen();
    const clipboard = clipboardOf(doc, ["ask", "ab"])!;
    const { document, nodeIds } = pasteClipboard(doc, clipboard, { newId: counterIds(), at: { x: 1000, y: 500 } });
    expect(nodeIds.map((id) => document.nodes[id]?.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1300, y: 700 },
    ]);
  });

  it("treats anything that is not a Kaiwa clipboard as nothing to paste", () => {
    for (const garbage of [
      "hello",
      "",
      "{",
      "null",
      "[]",
      JSON.stringify({ nodes: [{ id: "a", kind: "end", data: {} }] }),
      JSON.stringify({ kaiwaClipboard: 2, nodes: [{ id: "a", kind: "end", data: {} }], edges: [] }),
      JSON.stringify({ kaiwaClipboard: 1, nodes: [], edges: [] }),
      JSON.stringify({ kaiwaClipboard: 1, nodes: [{ id: "", kind: "end" }], edges: [] }),
      JSON.stringify({ kaiwaClipboard: 1, nodes: [{ id: "a", kind: "end" }], edges: [{ id: "x" }] }),
    ]) {
      expect(parseClipboard(garbage), garbage).toBeNull();
    }
  });

  it("drops clipboard edges that point outside the copied nodes", () => {
    const text = JSON.stringify({
      kaiwaClipboard: 1,
      nodes: [{ id: "a", kind: "message", data: { text: "hi" } }, { id: "b", kind: "end", data: {} }],
      edges: [
        { id: "ab", source: "a", sourcePort: "next", target: "b" },
        { id: "ax", source: "a", sourcePort: "next", target: "elsewhere" },
      ],
    });
    expect(parseClipboard(text)?.edges.map((edge) => edge.id)).toEqual(["ab"]);
  });
});
