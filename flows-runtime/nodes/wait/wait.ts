import { z } from "zod";
import { defineNodeKind } from "../define-node-kind";

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export const waitDataSchema = z.object({
  amount: z.number().int().min(1).max(100_000).default(60),
  unit: z.enum(["seconds", "minutes", "hours", "days"]).default("seconds"),
});
export type WaitData = z.infer<typeof waitDataSchema>;

// A durable delay: the engine only asks for a wake-up; the host stores it (pg-boss), so a restart in
// between does not lose the contact.
export const waitNode = defineNodeKind({
  kind: "wait",
  data: waitDataSchema,
  ports: () => ["next"],
  waits: () => true,
  run: (data, ctx) => {
    const key = ctx.nextKey("wait");
    return {
      outcome: "wait",
      waiting: { for: "timer", nodeId: ctx.nodeId, timerKey: key },
      actions: [{ type: "schedule", nodeId: ctx.nodeId, key, at: ctx.now + waitDurationMs(data) }],
      note: `waiting ${data.amount} ${data.unit}`,
    };
  },
  resume: (data) => ({ outcome: "next", port: "next", note: `waited ${data.amount} ${data.unit}` }),
});

export function waitDurationMs(data: WaitData): number {
  return data.amount * UNIT_MS[data.unit];
}
