import { editorDocumentSchema, type EditorDocument } from "../graph/editor-doc";
import type { NodeKind } from "../nodes/registry";

export type TemplateNode = { id: string; kind: NodeKind; data: Record<string, unknown>; column: number; row: number };
export type TemplateEdge = [source: string, sourcePort: string, target: string];

// Builds a starter template's editor document: nodes laid out on a grid (column, row) so the canvas
// opens tidy, edges from [source, port, target] triples with stable ids. Parsed through the document
// schema so every default is filled in exactly as the builder would save it.
export function templateDoc(input: {
  id: string;
  name: string;
  nodes: TemplateNode[];
  edges: TemplateEdge[];
  fields?: string[];
  variables?: { key: string; label: string }[];
}): EditorDocument {
  return editorDocumentSchema.parse({
    schemaVersion: 1,
    id: input.id,
    nodes: Object.fromEntries(
      input.nodes.map((node) => [
        node.id,
        { id: node.id, kind: node.kind, data: node.data, position: { x: node.column * COLUMN_WIDTH, y: node.row * ROW_HEIGHT } },
      ]),
    ),
    edges: input.edges.map(([source, sourcePort, target]) => ({ id: `${source}.${sourcePort}->${target}`, source, sourcePort, target })),
    variables: input.variables ?? [],
    fields: input.fields ?? [],
    settings: { name: input.name },
  });
}

const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 180;
