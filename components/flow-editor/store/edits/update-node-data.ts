import type { EditorDocument } from "@/flows-runtime";
import { nodePorts } from "./node-ports";
import { sameValue } from "./same-value";

// Replaces a node's data. When that removes an output (a question choice, a condition rule, a split
// branch), the connections leaving it go too, so the canvas never shows an edge from nowhere.
export function updateNodeData(doc: EditorDocument, args: { nodeId: string; data: unknown }): EditorDocument {
  const node = doc.nodes[args.nodeId];
  if (!node || sameValue(node.data, args.data)) return doc;
  const updated = { ...node, data: args.data };
  const ports = nodePorts(updated);
  const edges = ports
    ? doc.edges.filter((edge) => edge.source !== args.nodeId || ports.includes(edge.sourcePort))
    : doc.edges;
  return {
    ...doc,
    nodes: { ...doc.nodes, [args.nodeId]: updated },
    edges: edges.length === doc.edges.length ? doc.edges : edges,
  };
}
