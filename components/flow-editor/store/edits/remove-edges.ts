import type { EditorDocument } from "@/flows-runtime";

export function removeEdges(doc: EditorDocument, edgeIds: readonly string[]): EditorDocument {
  const removed = new Set(edgeIds);
  const edges = doc.edges.filter((edge) => !removed.has(edge.id));
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}
