import type { Edge } from "@xyflow/react";
import type { EditorDocument, EditorNode, FlowEdge } from "@/flows-runtime";
import type { Selection } from "../store/flow-editor-types";
import type { FlowCanvasNode, FlowNodeData } from "../nodes/flow-node";
import { unmeasuredNode } from "./unmeasured-node";

export type MeasuredSizes = Readonly<Record<string, { width: number; height: number }>>;

// React Flow re-renders a node only when its node object changes, so each derived object is cached on
// the store's own (immutable) objects: a drag or an edit gives new objects for the touched nodes only.
const nodeCache = new WeakMap<EditorNode, { selected: boolean; size: MeasuredSizes[string] | undefined; node: FlowCanvasNode }>();
const dataCache = new WeakMap<object, { kind: string; value: FlowNodeData }>();
const edgeCache = new WeakMap<FlowEdge, { selected: boolean; edge: Edge }>();

export function canvasNodes(nodes: EditorDocument["nodes"], selection: Selection, measured: MeasuredSizes): FlowCanvasNode[] {
  const selected = new Set(selection.nodeIds);
  return Object.values(nodes).map((editorNode) => {
    const isSelected = selected.has(editorNode.id);
    const size = measured[editorNode.id];
    const cached = nodeCache.get(editorNode);
    if (cached && cached.selected === isSelected && cached.size === size) return cached.node;
    const node: FlowCanvasNode = {
      id: editorNode.id,
      type: "flow",
      position: editorNode.position,
      data: nodeData(editorNode),
      selected: isSelected,
      ...(size ? { measured: size } : unmeasuredNode(editorNode.kind, editorNode.data)),
    };
    nodeCache.set(editorNode, { selected: isSelected, size, node });
    return node;
  });
}

// Moving a node gives a new EditorNode with the same data object: the node's data stays identical, so
// its content is not parsed or drawn again.
function nodeData(editorNode: EditorNode): FlowNodeData {
  const raw = editorNode.data;
  if (typeof raw !== "object" || raw === null) return { kind: editorNode.kind, data: raw };
  const cached = dataCache.get(raw);
  if (cached && cached.kind === editorNode.kind) return cached.value;
  const value = { kind: editorNode.kind, data: raw };
  dataCache.set(raw, { kind: editorNode.kind, value });
  return value;
}

export function canvasEdges(edges: EditorDocument["edges"], selection: Selection): Edge[] {
  const selected = new Set(selection.edgeIds);
  return edges.map((flowEdge) => {
    const isSelected = selected.has(flowEdge.id);
    const cached = edgeCache.get(flowEdge);
    if (cached && cached.selected === isSelected) return cached.edge;
    const edge: Edge = {
      id: flowEdge.id,
      source: flowEdge.source,
      sourceHandle: flowEdge.sourcePort,
      target: flowEdge.target,
      selected: isSelected,
    };
    edgeCache.set(flowEdge, { selected: isSelected, edge });
    return edge;
  });
}
