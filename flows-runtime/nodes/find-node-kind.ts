import type { z } from "zod";
import type { NodeKindDefinition } from "./define-node-kind";
import { nodeKinds } from "./registry";

// The registry as generic code (compiler, engine) sees it: data is unknown until parsed with
// `definition.data`, and only parsed data is handed to the definition's functions.
export type AnyNodeKindDefinition = NodeKindDefinition<string, z.ZodType>;

let byKind: Map<string, AnyNodeKindDefinition> | undefined;

export function findNodeKind(kind: string): AnyNodeKindDefinition | undefined {
  byKind ??= new Map(nodeKinds.map((definition) => [definition.kind, definition as unknown as AnyNodeKindDefinition]));
  return byKind.get(kind);
}
