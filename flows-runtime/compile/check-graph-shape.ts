import type { FlowEdge, FlowGraph } from "../graph/flow-graph";
import { edgeIndex, reachableFrom, triggerNodeIds } from "../graph/queries";
import type { CompiledNode } from "./compiled-node";
import type { DiagnosticList } from "./diagnostic-list";
import { findInstantCycles } from "./find-instant-cycles";
import { PerEdgesMemo } from "./per-edges-memo";

// Structure checks: an entry point, every node reachable, required outputs connected, one connection
// per output, and no loop the engine could spin in without waiting. Returns the nodes a trigger reaches
// (every node when there is no trigger, so later checks still say something useful).
export function checkGraphShape(graph: FlowGraph, nodes: readonly CompiledNode[], diagnostics: DiagnosticList): ReadonlySet<string> {
  const triggers = triggerNodeIds(graph);
  let reachable: ReadonlySet<string>;
  if (triggers.length === 0) {
    diagnostics.add({
      code: "no_trigger",
      severity: "error",
      message: "This flow has no trigger, so nothing can start it: add a trigger step and connect it to the first step.",
    });
    reachable = new Set(nodes.map((node) => node.id));
  } else {
    reachable = reachableMemo.get(graph.edges, triggers, () => reachableFrom(graph, triggers));
    for (const node of nodes) {
      if (reachable.has(node.id)) continue;
      diagnostics.add({
        code: "unreachable_node",
        severity: "warning",
        nodeId: node.id,
        message: "No trigger leads to this step, so no contact will ever reach it: connect it or delete it.",
      });
    }
  }

  const { next } = edgeIndex(graph);
  for (const node of nodes) {
    if (!node.definition) continue;
    const connected = next.get(node.id);
    for (const port of node.definition.requiredPorts?.(node.data) ?? []) {
      if (connected?.has(port)) continue;
      diagnostics.add({
        code: "unconnected_port",
        severity: "error",
        nodeId: node.id,
        port,
        message: `Connect the "${port}" output: contacts who leave this step that way would have nowhere to go.`,
      });
    }
  }

  // graph.edges is sorted by (source, sourcePort, ...), so the edges of one output are neighbours.
  const { edges } = graph;
  for (let first = 0; first < edges.length; ) {
    const { source, sourcePort: port } = edges[first] as FlowEdge;
    let end = first + 1;
    while (end < edges.length && edges[end]?.source === source && edges[end]?.sourcePort === port) end++;
    const count = end - first;
    first = end;
    if (count < 2) continue;
    diagnostics.add({
      code: "multiple_edges",
      severity: "warning",
      nodeId: source,
      port,
      message: `The "${port}" output has ${count} connections but contacts can only follow one: remove the extra ones.`,
    });
  }

  checkInstantLoops(graph, nodes, diagnostics);
  return reachable;
}

// Both depend on the edges and a list of ids only (see PerEdgesMemo).
const reachableMemo = new PerEdgesMemo<ReadonlySet<string>>();
const cyclesMemo = new PerEdgesMemo<string[][]>();

function checkInstantLoops(graph: FlowGraph, nodes: readonly CompiledNode[], diagnostics: DiagnosticList): void {
  const instant = nodes.filter((node) => !node.waits).map((node) => node.id);
  const { next } = edgeIndex(graph);
  // The engine follows the first edge of each output; findInstantCycles ignores targets that wait.
  const successors = (nodeId: string) => [...(next.get(nodeId)?.values() ?? [])];
  for (const cycle of cyclesMemo.get(graph.edges, instant, () => findInstantCycles(instant, successors))) {
    const shown = cycle.slice(0, 5).map((id) => `"${id}"`).join(", ");
    const more = cycle.length > 5 ? ` and ${cycle.length - 5} more` : "";
    diagnostics.add({
      code: "instant_loop",
      severity: "error",
      nodeId: cycle[0] as string,
      message:
        cycle.length === 1
          ? "This step leads straight back to itself without waiting for the contact: it would loop until the engine stops it. Add a question or a wait in between."
          : `These steps form a loop that never waits for the contact: ${shown}${more}. Add a question or a wait inside the loop, or it repeats until the engine stops it.`,
    });
  }
}
