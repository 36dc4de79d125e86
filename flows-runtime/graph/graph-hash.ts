import { canonicalJson } from "../compile/canonical-json";
import { sha256Hex } from "../compile/sha256";
import type { FlowGraph } from "./flow-graph";

// The content hash of a graph: SHA-256 of its canonical JSON. compile() returns it and sessions record
// it, so a host can tell which published version a session started on. Cached per graph object.
export function graphHash(graph: FlowGraph): string {
  let hash = cache.get(graph);
  if (hash === undefined) {
    hash = sha256Hex(canonicalJson(graph));
    cache.set(graph, hash);
  }
  return hash;
}

// compile() has just computed the hash of the graph it returns: no need to hash it twice.
export function rememberGraphHash(graph: FlowGraph, hash: string): void {
  cache.set(graph, hash);
}

const cache = new WeakMap<FlowGraph, string>();
