import type { FlowEdge } from "./flow-edge";

// The structural shape the queries need. A GraphLike is one; so is a graph whose node data has not
// been checked. Kept independent of the registry so node kinds can use these queries.
export type GraphLike = {
  readonly nodes: Readonly<Record<string, { readonly id: string; readonly kind: string; readonly data: unknown }>>;
  readonly edges: readonly FlowEdge[];
};

// Small pure graph queries. step() calls them on every event, so the edge index is built once per
// graph object and cached (graphs are never mutated once compiled or parsed). Its edge maps are kept per
// edges array too: compile() gives every graph of a flow whose edges did not change the same array.
type EdgeIndex = EdgeMaps & { triggers: string[] };
type EdgeMaps = {
  // First edge of each (node, port) in sorted edge order: the one the engine follows.
  next: Map<string, Map<string, string>>;
  outgoing: Map<string, FlowEdge[]>;
};

const edgeIndexCache = new WeakMap<GraphLike, EdgeIndex>();
const edgeMapsCache = new WeakMap<readonly FlowEdge[], EdgeMaps>();

export function edgeIndex(graph: GraphLike): EdgeIndex {
  const cached = edgeIndexCache.get(graph);
  if (cached) return cached;
  const triggers = Object.keys(graph.nodes)
    .filter((id) => graph.nodes[id]?.kind === "trigger")
    .sort(compareStrings);
  const index = { ...edgeMaps(graph.edges), triggers };
  edgeIndexCache.set(graph, index);
  return index;
}

function edgeMaps(edges: readonly FlowEdge[]): EdgeMaps {
  const cached = edgeMapsCache.get(edges);
  if (cached) return cached;
  const next = new Map<string, Map<string, string>>();
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    let ports = next.get(edge.source);
    if (!ports) next.set(edge.source, (ports = new Map()));
    if (!ports.has(edge.sourcePort)) ports.set(edge.sourcePort, edge.target);
    let list = outgoing.get(edge.source);
    if (!list) outgoing.set(edge.source, (list = []));
    list.push(edge);
  }
  const maps = { next, outgoing };
  edgeMapsCache.set(edges, maps);
  return maps;
}

// The node an output port leads to, or undefined when the port is not connected.
export function nextNodeId(graph: GraphLike, nodeId: string, port: string): string | undefined {
  return edgeIndex(graph).next.get(nodeId)?.get(port);
}

export function outgoingEdges(graph: GraphLike, nodeId: string): readonly FlowEdge[] {
  return edgeIndex(graph).outgoing.get(nodeId) ?? [];
}

// Trigger node ids in stable (sorted) order: the order the engine tries them in.
export function triggerNodeIds(graph: GraphLike): readonly string[] {
  return edgeIndex(graph).triggers;
}

// Every node reachable from the given nodes (included), following edges forward. One pass.
export function reachableFrom(graph: GraphLike, starts: Iterable<string>): Set<string> {
  const index = edgeIndex(graph);
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const start of starts) {
    if (!seen.has(start)) {
      seen.add(start);
      stack.push(start);
    }
  }
  while (stack.length > 0) {
    const nodeId = stack.pop() as string;
    for (const edge of index.outgoing.get(nodeId) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return seen;
}

// The normalised edge order: by source, port, target, then id.
export function compareEdges(a: FlowEdge, b: FlowEdge): number {
  return (
    compareStrings(a.source, b.source) ||
    compareStrings(a.sourcePort, b.sourcePort) ||
    compareStrings(a.target, b.target) ||
    compareStrings(a.id, b.id)
  );
}

// Code-unit order, independent of locale, so every machine sorts the same way.
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
