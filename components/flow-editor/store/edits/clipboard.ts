import { z } from "zod";
import { editorNodeSchema, flowEdgeSchema, type EditorDocument } from "@/flows-runtime";

// What copy puts on the system clipboard, so nodes paste into another flow or another browser tab.
// Versioned: a later builder can read (or refuse) an older envelope instead of guessing.
export const clipboardSchema = z.object({
  kaiwaClipboard: z.literal(1),
  nodes: z.array(editorNodeSchema).min(1),
  edges: z.array(flowEdgeSchema).default([]),
});
export type Clipboard = z.infer<typeof clipboardSchema>;

// The given nodes and the connections between them (connections to nodes left behind are not copied).
export function clipboardOf(doc: EditorDocument, nodeIds: readonly string[]): Clipboard | null {
  const ids = new Set(nodeIds);
  const nodes = [...ids].flatMap((id) => {
    const node = doc.nodes[id];
    return node ? [{ ...node, id }] : [];
  });
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target) && doc.nodes[edge.source] && doc.nodes[edge.target]);
  return { kaiwaClipboard: 1, nodes, edges };
}

export function serialiseClipboard(clipboard: Clipboard): string {
  return JSON.stringify(clipboard);
}

// Whatever the clipboard holds (plain text, another app's JSON, a truncated copy) is either a Kaiwa
// clipboard or null; a paste of garbage does nothing.
export function parseClipboard(text: string): Clipboard | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) return null;
  const seen = new Set<string>();
  const nodes = parsed.data.nodes.filter((node) => !seen.has(node.id) && seen.add(node.id));
  const edges = parsed.data.edges.filter((edge) => seen.has(edge.source) && seen.has(edge.target) && edge.source !== edge.target);
  return { kaiwaClipboard: 1, nodes, edges };
}
