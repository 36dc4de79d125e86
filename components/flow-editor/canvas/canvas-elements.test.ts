import { describe, expect, it } from "vitest";
import { editorDocumentSchema, type EditorDocument } from "@/flows-runtime";
import { canvasEdges, canvasNodes } from "./canvas-elements";

const doc: EditorDocument = editorDocumentSchema.parse({
  schemaVersion: 1,
  id: "flow",
  nodes: {
    a: { id: "a", kind: "trigger", data: { anyMessage: true }, position: { x: 0, y: 0 } },
    b: { id: "b", kind: "message", data: { text: "Hi" }, position: { x: 320, y: 0 } },
  },
  edges: [{ id: "e1", source: "a", sourcePort: "next", target: "b" }],
});
const none = { nodeIds: [], edgeIds: [] };

describe("canvasNodes", () => {
  it("keeps the same node objects when nothing changed, so React Flow re-renders nothing", () => {
    const first = canvasNodes(doc.nodes, none, {});
    const second = canvasNodes(doc.nodes, { nodeIds: [], edgeIds: [] }, {});
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it("gives a new object only to the node that moved, and keeps its data object", () => {
    const first = canvasNodes(doc.nodes, none, {});
    const b = doc.nodes.b!;
    const moved = { ...doc.nodes, b: { ...b, position: { x: 400, y: 16 } } };
    const second = canvasNodes(moved, none, {});
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.position).toEqual({ x: 400, y: 16 });
    expect(second[1]!.data).toBe(first[1]!.data);
  });

  it("marks selected nodes and hands measured sizes back", () => {
    const sizes = { b: { width: 240, height: 90 } };
    const [a, b] = canvasNodes(doc.nodes, { nodeIds: ["b"], edgeIds: [] }, sizes);
    expect(a!.selected).toBe(false);
    expect(b!.selected).toBe(true);
    expect(b!.measured).toBe(sizes.b);
    expect(b!.data).toEqual({ kind: "message", data: { text: "Hi" } });
    expect(b!.handles).toBeUndefined();
  });

  it("gives a node not yet drawn an estimated size and handles, so React Flow need not draw it to measure it", () => {
    const [a, b] = canvasNodes(doc.nodes, none, {});
    expect(a!.measured).toEqual({ width: 240, height: expect.any(Number) });
    // A trigger has no input; its one output is on the right edge, inside the node.
    expect(a!.handles).toEqual([expect.objectContaining({ id: "next", type: "source", position: "right" })]);
    expect(b!.handles!.map((handle) => handle.type)).toEqual(["target", "source"]);
    for (const handle of b!.handles!) {
      expect(handle.y).toBeGreaterThan(0);
      expect(handle.y).toBeLessThan(b!.measured!.height!);
    }
  });
});

describe("canvasEdges", () => {
  it("maps an edge's port to its source handle and keeps identity until selection changes", () => {
    const [edge] = canvasEdges(doc.edges, none);
    expect(edge).toMatchObject({ id: "e1", source: "a", sourceHandle: "next", target: "b", selected: false });
    expect(canvasEdges(doc.edges, none)[0]).toBe(edge);
    const [selected] = canvasEdges(doc.edges, { nodeIds: [], edgeIds: ["e1"] });
    expect(selected).not.toBe(edge);
    expect(selected!.selected).toBe(true);
  });
});
