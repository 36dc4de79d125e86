import type { CompileOptions } from "../compile/compile";
import { compile } from "../compile/compile";
import type { FlowGraph } from "../graph/flow-graph";
import { buildDoc, type DocDescription } from "./build-doc";

// buildDoc() then compile(), for tests that want a runnable graph. Diagnostics are not checked here
// (tests of broken flows need their graph too); use compile(buildDoc(...)) to assert on them.
export function buildGraph(description: DocDescription, options?: CompileOptions): FlowGraph {
  const { graph, diagnostics } = compile(buildDoc(description), options);
  if (!graph) throw new Error(`buildGraph: document unusable: ${diagnostics.map((d) => d.message).join("; ")}`);
  return graph;
}
