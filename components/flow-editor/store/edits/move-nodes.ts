import type { EditorDocument } from "@/flows-runtime";
import type { XY } from "../flow-editor-types";

// Sets node positions; unknown ids and unchanged positions are ignored (same document back).
export function moveNodes(doc: EditorDocument, moves: readonly { id: string; position: XY }[]): EditorDocument {
  let nodes: EditorDocument["nodes"] | undefined;
  for (const move of moves) {
    const node = (nodes ?? doc.nodes)[move.id];
    if (!node || (node.position.x === move.position.x && node.position.y === move.position.y)) continue;
    nodes ??= { ...doc.nodes };
    nodes[move.id] = { ...node, position: { x: move.position.x, y: move.position.y } };
  }
  return nodes ? { ...doc, nodes } : doc;
}
