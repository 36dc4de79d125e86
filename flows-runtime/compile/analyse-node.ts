import { resolveNodeUncached } from "../engine/resolve-node";
import { editorNodeSchema } from "../graph/editor-doc";
import type { FlowNode } from "../graph/flow-graph";
import { canonicalJson } from "./canonical-json";
import type { CompiledNode } from "./compiled-node";
import { contentKey } from "./content-key";
import { emptyUsage, nodeUsage } from "./node-usage";
import { RecentCache } from "./recent-cache";

// Everything about a node that depends only on the node itself, cached per editor node object: the
// builder recompiles after every edit and its store keeps unchanged nodes as the same objects, so a
// recompile only re-analyses what changed. The result is a pure function of (id, node content), so it is
// also cached per content: a document read again from the database (new objects, same content), or a
// node whose edit was undone, is not parsed and rendered on every channel again.
export function analyseNode(id: string, raw: unknown): CompiledNode {
  const cached = analysedObject(id, raw);
  if (cached) return cached;
  const cacheable = typeof raw === "object" && raw !== null;
  // The content holds the node's own id, which is nearly always its key in the document: checked, as
  // above, rather than added to the cache key.
  const key = cacheable ? contentKey(raw) : undefined;
  let analysis = key === undefined ? undefined : byContent.get(key);
  if (!analysis || analysis.id !== id) {
    analysis = analyseUncached(id, raw);
    if (key !== undefined) byContent.set(key, analysis);
  }
  if (cacheable) byObject.set(raw, analysis);
  return analysis;
}

// The analysis of this very node object under this id, if it was analysed before.
export function analysedObject(id: string, raw: unknown): CompiledNode | undefined {
  const cached = typeof raw === "object" && raw !== null ? byObject.get(raw) : undefined;
  return cached?.id === id ? cached : undefined;
}

const byObject = new WeakMap<object, CompiledNode>();
const encoder = new TextEncoder();
// Up to 2 × 5,000 nodes: a 5,000-step flow fits whole. An entry (analysis and per-channel render notes)
// holds about 4 KB, so this stays under ~40 MiB however many flows a server process compiles.
const byContent = new RecentCache<CompiledNode>(5_000);

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
      canonicalEntry: encoder.encode(`${JSON.stringify(id)}:${canonicalJson(graphNode)}`),
      channelLimits: new Map(),
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
    canonicalEntry: encoder.encode(`${JSON.stringify(id)}:${canonicalJson(graphNode)}`),
    channelLimits: new Map(),
  };
}
