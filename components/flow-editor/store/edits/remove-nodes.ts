import type { EditorDocument } from "@/flows-runtime";

// Removes nodes and every connection into or out of them.
export function removeNodes(doc: EditorDocument, nodeIds: readonly string[]): EditorDocument {
  const removed = new Set(nodeIds.filter((id) => doc.nodes[id]));
  if (removed.size === 0) return doc;
  const nodes = Object.fromEntries(Object.entries(doc.nodes).filter(([id]) => !removed.has(id)));
  const edges = doc.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target));
  return { ...doc, nodes, edges: edges.length === doc.edges.length ? doc.edges : edges };
}
