import type { FlowEdge } from "../graph/flow-edge";

// A result that depends only on a graph's edges and a list of node ids (the triggers, the nodes that
// never wait), kept per edges array for the last list it was computed with. compile() gives every graph
// of a flow whose edges did not change the same frozen array, so after an edit to a step's text this
// answers without walking 5,000 nodes again; a different list or array computes afresh.
export class PerEdgesMemo<T> {
  private readonly memo = new WeakMap<readonly FlowEdge[], { ids: readonly string[]; value: T }>();

  get(edges: readonly FlowEdge[], ids: readonly string[], compute: () => T): T {
    const kept = this.memo.get(edges);
    if (kept && sameIds(kept.ids, ids)) return kept.value;
    const value = compute();
    this.memo.set(edges, { ids: [...ids], value });
    return value;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
