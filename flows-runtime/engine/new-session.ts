import type { FlowGraph } from "../graph/flow-graph";
import { graphHash } from "../graph/graph-hash";
import type { Session } from "./session";

// A session that has not run anything yet. step() creates one itself for a start event with no session.
export function newSession(graph: FlowGraph): Session {
  return {
    flowId: graph.id,
    graphHash: graphHash(graph),
    status: "active",
    waiting: null,
    variables: {},
    path: [],
    seq: 0,
    error: null,
  };
}
