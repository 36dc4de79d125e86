import type { FlowEdge } from "../graph/flow-edge";
import type { FlowGraph } from "../graph/flow-graph";
import { canonicalJson } from "./canonical-json";
import type { CompiledNode } from "./compiled-node";
import { ResumingSha256 } from "./resuming-sha256";

// SHA-256 of canonicalJson(graph), the graph's content hash, without building that text: its UTF-8 bytes
// are assembled from parts kept encoded (each node's member of "nodes", the edges per edges array), and
// the hasher resumes from the first byte that differs from the last graph hashed. After an edit to one
// step only the text from that step on is hashed again; a graph hashed just before costs one comparison.
export function graphContentHash(graph: FlowGraph, nodes: readonly CompiledNode[]): string {
  const head = encoder.encode(`{"channels":${canonicalJson(graph.channels)},"edges":`);
  const edges = edgesJsonBytes(graph.edges);
  const middle = encoder.encode(`,"fields":${canonicalJson(graph.fields)},"id":${canonicalJson(graph.id)},"name":${canonicalJson(graph.name)},"nodes":{`);
  const tail = encoder.encode(`},"schemaVersion":1,"variables":${canonicalJson(graph.variables)}}`);
  let length = head.length + edges.length + middle.length + tail.length + Math.max(0, nodes.length - 1);
  for (const node of nodes) length += node.canonicalEntry.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  const put = (part: Uint8Array) => {
    bytes.set(part, at);
    at += part.length;
  };
  put(head);
  put(edges);
  put(middle);
  nodes.forEach((node, index) => {
    if (index > 0) bytes[at++] = COMMA;
    put(node.canonicalEntry);
  });
  put(tail);
  return hasher.hex(bytes);
}

const encoder = new TextEncoder();
const hasher = new ResumingSha256();
const COMMA = 0x2c;

// sortedEdges makes every edge { id, source, sourcePort, target }: keys already in sorted order and all
// values strings, so JSON.stringify (native, several times faster on 10,000 edges) gives exactly
// canonicalJson's text. Kept per edges array, which an edit to a node leaves as it was.
function edgesJsonBytes(edges: readonly FlowEdge[]): Uint8Array {
  let bytes = edgesBytesCache.get(edges);
  if (bytes === undefined) {
    bytes = encoder.encode(JSON.stringify(edges));
    edgesBytesCache.set(edges, bytes);
  }
  return bytes;
}
const edgesBytesCache = new WeakMap<readonly FlowEdge[], Uint8Array>();
