import { z } from "zod";

// An edge leaves a node by a named output port and enters a node. Identity is the edge id; the
// (source, sourcePort) pair is what the engine follows.
export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  // Named output port of the source node ("next", "answered", a choice id...).
  sourcePort: z.string().min(1),
  target: z.string().min(1),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
