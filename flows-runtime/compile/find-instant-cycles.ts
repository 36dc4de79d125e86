// Strongly connected components of the "instant" subgraph (nodes that never wait), by an iterative
// Tarjan: linear in nodes + edges and no recursion, so a 5,000-node chain cannot overflow the stack.
// Returns only the components that can loop: more than one node, or one node with an edge to itself.
export function findInstantCycles(
  nodeIds: readonly string[],
  successors: (nodeId: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of nodeIds) {
    if (index.has(root)) continue;
    // Each frame: the node and how far through its successors we are.
    const frames: { nodeId: string; next: readonly string[]; i: number }[] = [];
    const open = (nodeId: string) => {
      index.set(nodeId, counter);
      low.set(nodeId, counter);
      counter += 1;
      stack.push(nodeId);
      onStack.add(nodeId);
      frames.push({ nodeId, next: successors(nodeId), i: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i] as string;
        frame.i += 1;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.nodeId, Math.min(low.get(frame.nodeId) as number, index.get(target) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.nodeId, Math.min(low.get(parent.nodeId) as number, low.get(frame.nodeId) as number));
      if (low.get(frame.nodeId) !== index.get(frame.nodeId)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.nodeId);
      const loops = component.length > 1 || successors(frame.nodeId).includes(frame.nodeId);
      if (loops) cycles.push(component.sort());
    }
  }
  return cycles;
}
