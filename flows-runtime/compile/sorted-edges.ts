import type { FlowEdge } from "../graph/flow-edge";
import { editorDocumentSchema } from "../graph/editor-doc";
import { compareEdges } from "../graph/queries";

const edgesSchema = editorDocumentSchema.shape.edges;

// A document's edges validated, reduced to { id, source, sourcePort, target } and sorted (compareEdges),
// once per edges array: the builder's store keeps the array when an edit leaves the edges alone, and a
// document is not mutated once made (the contract the per-node cache relies on too). Frozen, because
// compiled graphs share the result. Undefined when the edges do not parse.
export function sortedEdges(raw: unknown): readonly FlowEdge[] | undefined {
  const cacheable = typeof raw === "object" && raw !== null;
  const cached = cacheable ? cache.get(raw) : undefined;
  if (cached) return cached;
  const parsed = edgesSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const edges = parsed.data.map(({ id, source, sourcePort, target }): FlowEdge => Object.freeze({ id, source, sourcePort, target })).sort(compareEdges);
  Object.freeze(edges);
  if (cacheable) cache.set(raw, edges);
  return edges;
}

const cache = new WeakMap<object, readonly FlowEdge[]>();
