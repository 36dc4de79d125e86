import type { EditorDocument, EditorNode, FlowEdge } from "@/flows-runtime";
import type { XY } from "../flow-editor-types";
import type { Clipboard } from "./clipboard";
import { edgeIdFor, freshId } from "./fresh-id";

export const PASTE_OFFSET: XY = { x: 40, y: 40 };

export type PasteResult = { document: EditorDocument; nodeIds: string[] };

// Adds the clipboard's nodes under fresh ids with their connections remapped, so pasting twice (or into
// the flow they came from) never collides. Placed with their top-left corner at `at`, or else shifted by
// `offset` from where they were copied so the copy does not hide the original.
export function pasteClipboard(
  doc: EditorDocument,
  clipboard: Clipboard,
  args: { newId: () => string; at?: XY; offset?: XY },
): PasteResult {
  if (clipboard.nodes.length === 0) return { document: doc, nodeIds: [] };
  const shift = placement(clipboard.nodes, args.at, args.offset ?? PASTE_OFFSET);
  const taken = new Set([...Object.keys(doc.nodes), ...doc.edges.map((edge) => edge.id)]);
  const idMap = new Map<string, string>();
  const nodes = { ...doc.nodes };
  for (const node of clipboard.nodes) {
    if (idMap.has(node.id)) continue;
    const id = freshId(args.newId, taken);
    taken.add(id);
    idMap.set(node.id, id);
    nodes[id] = {
      id,
      kind: node.kind,
      data: structuredClone(node.data),
      position: { x: node.position.x + shift.x, y: node.position.y + shift.y },
    };
  }
  const edges: FlowEdge[] = [...doc.edges];
  for (const edge of clipboard.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target || source === target) continue;
    // One connection per port, even if the clipboard was hand-edited to hold two.
    if (edges.some((existing) => existing.source === source && existing.sourcePort === edge.sourcePort)) continue;
    const id = edgeIdFor(source, edge.sourcePort, target, taken);
    taken.add(id);
    edges.push({ id, source, sourcePort: edge.sourcePort, target });
  }
  return { document: { ...doc, nodes, edges }, nodeIds: [...idMap.values()] };
}

function placement(nodes: readonly EditorNode[], at: XY | undefined, offset: XY): XY {
  if (!at) return offset;
  const left = Math.min(...nodes.map((node) => node.position.x));
  const top = Math.min(...nodes.map((node) => node.position.y));
  return { x: at.x - left, y: at.y - top };
}
