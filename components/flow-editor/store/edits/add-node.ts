import { findNodeKind, type EditorDocument, type NodeKind } from "@/flows-runtime";
import type { XY } from "../flow-editor-types";

// Adds a node of `kind` with its schema's defaults (a freshly added node is valid data, though it may
// still need connecting). The id is chosen by the caller so the store can return it.
export function addNode(doc: EditorDocument, args: { id: string; kind: NodeKind; position: XY }): EditorDocument {
  if (doc.nodes[args.id]) return doc;
  const definition = findNodeKind(args.kind);
  if (!definition) return doc;
  const parsed = definition.data.safeParse({});
  // Every kind's schema accepts {} today; should one stop doing so, the node is still added and
  // compile() points the marketer at the settings to fill in.
  const data = parsed.success ? parsed.data : {};
  const node = { id: args.id, kind: args.kind, data, position: { x: args.position.x, y: args.position.y } };
  return { ...doc, nodes: { ...doc.nodes, [args.id]: node } };
}
