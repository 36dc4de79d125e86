import type { FlowEdge } from "../graph/flow-edge";
import { editorDocumentSchema } from "../graph/editor-doc";
import { compareEdges } from "../graph/queries";
import { RecentByContent } from "./recent-by-content";

const edgesSchema = editorDocumentSchema.shape.edges;

// A document's edges validated, reduced to { id, source, sourcePort, target } and sorted (compareEdges),
// once per edges array: the builder's store keeps the array when an edit leaves the edges alone, and a
// document is not mutated once made (the contract the per-node cache relies on too). Also per content,
// for a document read again (new arrays, same edges). Frozen, because compiled graphs share the result,
// and with it the edge maps and canonical text kept per edges array. Undefined when they do not parse.
export function sortedEdges(raw: unknown): readonly FlowEdge[] | undefined {
  const cacheable = typeof raw === "object" && raw !== null;
  const cached = cacheable ? byObject.get(raw) : undefined;
  if (cached) return cached;
  let edges = cacheable ? byContent.find(raw) : undefined;
  if (!edges) {
    const parsed = edgesSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    edges = Object.freeze(parsed.data.map(({ id, source, sourcePort, target }): FlowEdge => Object.freeze({ id, source, sourcePort, target })).sort(compareEdges));
    if (cacheable) byContent.remember(raw, edges);
  }
  if (cacheable) byObject.set(raw, edges);
  return edges;
}

const byObject = new WeakMap<object, readonly FlowEdge[]>();
// The edges of the last 2 flows compiled.
const byContent = new RecentByContent<readonly FlowEdge[]>(2);
