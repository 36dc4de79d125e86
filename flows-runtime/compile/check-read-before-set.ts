import type { FlowGraph } from "../graph/flow-graph";
import { outgoingEdges, reachableFrom } from "../graph/queries";
import type { CompiledNode } from "./compiled-node";
import type { DiagnosticList } from "./diagnostic-list";

// A variable read at a node that no writer of it can come before: the contact would see it empty.
// One forward pass per distinct set of writers (flows have few variables), so it stays linear in
// practice: O(distinct writer sets × (nodes + edges)).
export function checkReadBeforeSet(
  graph: FlowGraph,
  nodes: readonly CompiledNode[],
  reachableFromTriggers: ReadonlySet<string>,
  declaredVariables: ReadonlySet<string>,
  diagnostics: DiagnosticList,
): void {
  const writers = new Map<string, string[]>();
  const readers = new Map<string, string[]>();
  for (const node of nodes) {
    for (const variable of node.usage.writesVariables) push(writers, variable, node.id);
    if (!reachableFromTriggers.has(node.id)) continue;
    for (const variable of node.usage.readsVariables) push(readers, variable, node.id);
  }
  const setAfterByWriters = new Map<string, Set<string>>();
  for (const [variable, readerIds] of readers) {
    const writerIds = writers.get(variable) ?? [];
    // Neither declared nor written: reported as unknown_variable already.
    if (writerIds.length === 0 && !declaredVariables.has(variable)) continue;
    const key = writerIds.join("\u0000");
    let setAfter = setAfterByWriters.get(key);
    if (!setAfter) {
      const successors = writerIds.flatMap((id) => outgoingEdges(graph, id).map((edge) => edge.target));
      setAfter = reachableFrom(graph, successors);
      setAfterByWriters.set(key, setAfter);
    }
    for (const readerId of readerIds) {
      if (setAfter.has(readerId)) continue;
      diagnostics.add({
        code: "read_before_set",
        severity: "warning",
        nodeId: readerId,
        message:
          writerIds.length === 0
            ? `Nothing in this flow sets the variable "${variable}", so it is empty here.`
            : `The variable "${variable}" is used here before any step sets it, so it is empty at this point.`,
      });
    }
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
