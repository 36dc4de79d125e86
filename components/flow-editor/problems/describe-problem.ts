import type { Diagnostic, EditorDocument } from "@/flows-runtime";
import { describeNode } from "../nodes/describe-node";

// The node's label ("Question") and its port's label ("Pricing" for a choice id) for a diagnostic.
export function describeProblem(diagnostic: Diagnostic, nodes: EditorDocument["nodes"]): { node: string | null; port: string | null } {
  if (!diagnostic.nodeId) return { node: null, port: diagnostic.port ?? null };
  const node = nodes[diagnostic.nodeId];
  if (!node) return { node: diagnostic.nodeId, port: diagnostic.port ?? null };
  const description = describeNode(node.kind, node.data);
  const label = description.known ? description.ui.label : node.kind;
  const port = diagnostic.port ? (description.ports.find((p) => p.id === diagnostic.port)?.label ?? diagnostic.port) : null;
  return { node: label, port };
}
