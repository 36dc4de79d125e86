// Strongly connected components of the "instant" subgraph (nodes that never wait), by an iterative
// Tarjan: linear in nodes + edges and no recursion, so a 5,000-node chain cannot overflow the stack.
// Returns only the components that can loop: more than one node, or one node with an edge to itself.
// `successors` names nodes of `nodeIds`; any other id is not part of the subgraph and is ignored.
// Nodes are numbered once and the search runs on typed arrays: compile() runs this after every edit.
export function findInstantCycles(
  nodeIds: readonly string[],
  successors: (nodeId: string) => readonly string[],
): string[][] {
  const count = nodeIds.length;
  const numberOf = new Map<string, number>();
  nodeIds.forEach((id, n) => numberOf.set(id, n));
  const next: number[][] = nodeIds.map((id) => {
    const targets: number[] = [];
    for (const target of successors(id)) {
      const n = numberOf.get(target);
      if (n !== undefined) targets.push(n);
    }
    return targets;
  });

  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  // The search path: a node and how far through its successors the search is, per frame.
  const frameNode: number[] = [];
  const frameNext: number[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const open = (n: number) => {
    index[n] = low[n] = counter++;
    stack.push(n);
    onStack[n] = 1;
    frameNode.push(n);
    frameNext.push(0);
  };

  for (let root = 0; root < count; root++) {
    if ((index[root] as number) >= 0) continue;
    open(root);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const n = frameNode[top] as number;
      const targets = next[n] as number[];
      const i = frameNext[top] as number;
      if (i < targets.length) {
        const target = targets[i] as number;
        frameNext[top] = i + 1;
        if ((index[target] as number) < 0) open(target);
        else if (onStack[target]) low[n] = Math.min(low[n] as number, index[target] as number);
        continue;
      }
      frameNode.pop();
      frameNext.pop();
      const parent = frameNode[top - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[n] as number);
      if (low[n] !== index[n]) continue;
      const component: string[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        component.push(nodeIds[member] as string);
      } while (member !== n);
      if (component.length > 1 || targets.includes(n)) cycles.push(component.sort());
    }
  }
  return cycles;
}
