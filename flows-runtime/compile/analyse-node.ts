import { resolveNodeUncached } from "../engine/resolve-node";
import { editorNodeSchema } from "../graph/editor-doc";
import type { FlowNode } from "../graph/flow-graph";
import { canonicalJson } from "./canonical-json";
import type { CompiledNode } from "./compiled-node";
import { emptyUsage, nodeUsage } from "./node-usage";

// Everything about a node that depends only on the node itself, cached per editor node object: the
// builder recompiles after every edit and its store keeps unchanged nodes as the same objects, so a
// recompile only re-analyses what changed. The result is a pure function of (id, kind, data).
export function analyseNode(id: string, raw: unknown): CompiledNode {
  const cacheable = typeof raw === "object" && raw !== null;
  const cached = cacheable ? cache.get(raw) : undefined;
  if (cached && cached.id === id) return cached;
  const analysis = analyseUncached(id, raw);
  if (cacheable) cache.set(raw, analysis);
  return analysis;
}

const cache = new WeakMap<object, CompiledNode>();

function analyseUncached(id: string, raw: unknown): CompiledNode {
  const parsed = editorNodeSchema.safeParse(raw);
  if (!parsed.success) {
    return broken(id, "unknown", raw, { code: "invalid_node", message: "This step is damaged (it has no type): delete it and add it again." });
  }
  const { kind, data: rawData } = parsed.data;
  const resolved = resolveNodeUncached({ kind, data: rawData });
  if (!resolved.ok) return broken(id, kind, rawData, { code: resolved.code, message: resolved.message });
  const { definition, data } = resolved;
  try {
    const graphNode = { id, kind, data } as FlowNode;
    return {
      id,
      kind,
      definition,
      data,
      problem: undefined,
      ports: definition.ports(data),
      waits: definition.waits?.(data) ?? false,
      usage: nodeUsage(definition, data),
      messages: definition.messages?.(data) ?? [],
      graphNode,
      canonical: canonicalJson(graphNode),
      degraded: new Map(),
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return broken(id, kind, rawData, { code: "internal_error", message: `This step could not be checked (${detail}).` });
  }
}

// A node the compiler cannot use: it stays in the graph as saved (the engine reports it if reached),
// counts as waiting so it never forms a loop, and has no ports of its own.
function broken(id: string, kind: string, data: unknown, problem: { code: string; message: string }): CompiledNode {
  const graphNode = { id, kind, data } as FlowNode;
  return {
    id,
    kind,
    definition: undefined,
    data,
    problem,
    ports: [],
    waits: true,
    usage: emptyUsage(),
    messages: [],
    graphNode,
    canonical: canonicalJson(graphNode),
    degraded: new Map(),
  };
}
