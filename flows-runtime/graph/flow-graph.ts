import { z } from "zod";
import { channelTypeSchema } from "../channels/channel-type";
import { nodeKinds } from "../nodes/registry";
import { flowEdgeSchema } from "./flow-edge";
import { flowVariableSchema } from "./flow-variable";

export { flowEdgeSchema, type FlowEdge } from "./flow-edge";
export { flowVariableSchema, type FlowVariable } from "./flow-variable";

type NodeSchemaOf<D> = D extends { kind: infer K extends string; data: infer S extends z.ZodType }
  ? z.ZodObject<{ id: z.ZodString; kind: z.ZodLiteral<K>; data: S }>
  : never;
// Generic so the mapped type keeps the registry's tuple shape (zod needs a non-empty tuple).
type NodeSchemasOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: NodeSchemaOf<T[I]> };
type NodeSchemas = NodeSchemasOf<typeof nodeKinds>;

// A node's data is validated by its own kind's schema: one discriminated union built from the registry.
export const flowNodeSchema = z.discriminatedUnion(
  "kind",
  nodeKinds.map((definition) =>
    z.object({ id: z.string().min(1), kind: z.literal(definition.kind), data: definition.data }),
  ) as unknown as NodeSchemas,
);
export type FlowNode = z.infer<typeof flowNodeSchema>;

// The compiled, published shape of a flow: what the runtime and the simulator run. Positions and view
// state live only in the editor document; this is the contract between builder and runtime.
// Node kind files must only `import type` from here: this module reads the registry at load time.
export const flowGraphSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().min(1),
    name: z.string().default(""),
    nodes: z.record(z.string(), flowNodeSchema),
    // Sorted by (source, sourcePort, target, id) so the same flow always serialises the same way.
    edges: z.array(flowEdgeSchema),
    variables: z.array(flowVariableSchema).default([]),
    // Contact field keys the flow reads or writes.
    fields: z.array(z.string()).default([]),
    channels: z.array(channelTypeSchema),
  })
  .superRefine((graph, ctx) => {
    for (const [key, node] of Object.entries(graph.nodes)) {
      if (node.id !== key) {
        ctx.addIssue({ code: "custom", path: ["nodes", key, "id"], message: `Node stored under "${key}" has id "${node.id}".` });
      }
    }
  });
export type FlowGraph = z.infer<typeof flowGraphSchema>;
