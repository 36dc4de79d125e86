import type { EditorDocument } from "@/flows-runtime";
import { edgeIdFor } from "./fresh-id";
import { nodePorts } from "./node-ports";

// Connects `source`'s output port to `target`. A port leads to one place, so an existing connection from
// that port is replaced. Ignored (same document back): missing nodes, a node connected to itself, a port
// the source does not have (or whose ports cannot be known), or a connection that already exists.
export function connectNodes(doc: EditorDocument, args: { source: string; sourcePort: string; target: string }): EditorDocument {
  const { source, sourcePort, target } = args;
  const sourceNode = doc.nodes[source];
  if (!sourceNode || !doc.nodes[target] || source === target) return doc;
  if (!nodePorts(sourceNode)?.includes(sourcePort)) return doc;
  const fromPort = doc.edges.filter((edge) => edge.source === source && edge.sourcePort === sourcePort);
  if (fromPort.length === 1 && fromPort[0]?.target === target) return doc;
  const kept = doc.edges.filter((edge) => !(edge.source === source && edge.sourcePort === sourcePort));
  const id = edgeIdFor(source, sourcePort, target, new Set(kept.map((edge) => edge.id)));
  return { ...doc, edges: [...kept, { id, source, sourcePort, target }] };
}
