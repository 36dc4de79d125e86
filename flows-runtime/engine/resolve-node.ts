import type { z } from "zod";
import { findNodeKind, type AnyNodeKindDefinition } from "../nodes/find-node-kind";

export type ResolvedNode =
  | { ok: true; definition: AnyNodeKindDefinition; data: unknown }
  | { ok: false; code: "unknown_kind" | "invalid_data"; message: string };

// A node's kind definition and parsed data. step() is on the hot path, so each node object is parsed
// once; a graph that skipped validation still gets a visible error instead of a crash.
export function resolveNode(node: { kind: string; data: unknown }): ResolvedNode {
  const cached = cache.get(node);
  if (cached) return cached;
  const resolved = resolveNodeUncached(node);
  cache.set(node, resolved);
  return resolved;
}

const cache = new WeakMap<object, ResolvedNode>();

export function resolveNodeUncached(node: { kind: string; data: unknown }): ResolvedNode {
  const definition = findNodeKind(node.kind);
  if (!definition) {
    return { ok: false, code: "unknown_kind", message: `This step has an unknown type "${node.kind}": delete it or replace it with a supported step.` };
  }
  const parsed = definition.data.safeParse(node.data ?? {});
  if (!parsed.success) {
    return { ok: false, code: "invalid_data", message: `This step's settings are incomplete or invalid: ${describeIssues(parsed.error)}.` };
  }
  return { ok: true, definition, data: parsed.data };
}

function describeIssues(error: z.ZodError): string {
  const described = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "settings";
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return described.join("; ") + more;
}
