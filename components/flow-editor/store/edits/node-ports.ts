import { findNodeKind, type EditorNode } from "@/flows-runtime";

// The output ports of a node as its kind declares them for its current data, or undefined when they
// cannot be known (unknown kind, or data mid-edit that does not parse): callers then keep edges as they are.
export function nodePorts(node: Pick<EditorNode, "kind" | "data">): readonly string[] | undefined {
  const definition = findNodeKind(node.kind);
  if (!definition) return undefined;
  const parsed = definition.data.safeParse(node.data ?? {});
  return parsed.success ? definition.ports(parsed.data) : undefined;
}
