import { findNodeKind, type NodeKind } from "@/flows-runtime";
import { isNodeKind, nodeKindUi, type NodeKindUi } from "./registry";

export type NodePort = { id: string; label: string };

export type NodeDescription =
  | { known: true; kind: NodeKind; ui: NodeKindUi<NodeKind>; parsed: true; data: unknown; ports: NodePort[] }
  // Data mid-edit that does not parse: the node shows "Needs attention" and keeps no output handles.
  | { known: true; kind: NodeKind; ui: NodeKindUi<NodeKind>; parsed: false; ports: NodePort[] }
  // A kind this builder does not know (a document saved by a newer version).
  | { known: false; kind: string; parsed: false; ports: NodePort[] };

// Parsing runs on every render of a node, so results are cached on the data object: the store keeps a
// node's data identical until it is edited.
const cache = new WeakMap<object, Map<string, NodeDescription>>();

export function describeNode(kind: string, data: unknown): NodeDescription {
  if (typeof data !== "object" || data === null) return compute(kind, data);
  let byKind = cache.get(data);
  if (!byKind) {
    byKind = new Map();
    cache.set(data, byKind);
  }
  let description = byKind.get(kind);
  if (!description) {
    description = compute(kind, data);
    byKind.set(kind, description);
  }
  return description;
}

function compute(kind: string, raw: unknown): NodeDescription {
  const definition = findNodeKind(kind);
  if (!definition || !isNodeKind(kind)) return { known: false, kind, parsed: false, ports: [] };
  // Widened once here: each kind's functions only ever see data its own schema parsed.
  const ui = nodeKindUi[kind] as unknown as NodeKindUi<NodeKind>;
  const result = definition.data.safeParse(raw ?? {});
  if (!result.success) return { known: true, kind, ui, parsed: false, ports: [] };
  const labelOf = ui.portLabel as ((data: unknown, port: string) => string | undefined) | undefined;
  const ports = definition.ports(result.data).map((port) => ({ id: port, label: labelOf?.(result.data, port) ?? humanise(port) }));
  return { known: true, kind, ui, parsed: true, data: result.data, ports };
}

// "no_match" → "No match": port names are stable ids; this is only how they read on the canvas.
export function humanise(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
