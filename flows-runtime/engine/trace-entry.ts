import { z } from "zod";

// One line of "what the engine did and why", for the simulator and the run log. Notes that belong to
// no node (a stale timer, no trigger matched) carry the node the session was at, or "".
export const traceEntrySchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  port: z.string().optional(),
  note: z.string().optional(),
  // Set on the entry that stopped the session with an error.
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type TraceEntry = z.infer<typeof traceEntrySchema>;
