import { z } from "zod";

// Where a session is waiting, and for what. Serialisable: it is stored in the sessions table as jsonb.
export const waitingSchema = z.discriminatedUnion("for", [
  // A question: the contact's next message resumes it. `timerKey` is set when the question has a timeout.
  z.object({ for: z.literal("input"), nodeId: z.string(), attempts: z.number().int().min(0), timerKey: z.string().optional() }),
  // A wait node: only the timer with this key resumes it.
  z.object({ for: z.literal("timer"), nodeId: z.string(), timerKey: z.string() }),
  // An http_request node whose result the host will deliver as an `http_result` event.
  z.object({ for: z.literal("http"), nodeId: z.string(), requestId: z.string() }),
]);
export type Waiting = z.infer<typeof waitingSchema>;

export const sessionStatusSchema = z.enum(["active", "waiting", "ended", "errored"]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionSchema = z.object({
  flowId: z.string(),
  graphHash: z.string(),
  status: sessionStatusSchema,
  waiting: waitingSchema.nullable(),
  variables: z.record(z.string(), z.unknown()),
  // Nodes visited so far in this session, oldest first (capped), for the simulator's path view.
  path: z.array(z.string()),
  // Monotonic counter used to make timer keys and request ids unique and deterministic.
  seq: z.number().int().min(0),
  error: z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() }).nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
