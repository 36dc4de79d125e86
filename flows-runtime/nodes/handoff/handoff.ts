import { z } from "zod";
import { defineNodeKind } from "../define-node-kind";

export const handoffDataSchema = z.object({
  // Stable ids of the team / agent; empty means "any available agent".
  team: z.string().trim().optional(),
  assignee: z.string().trim().optional(),
  // Template shown to the agent: "Wants a quote for {{vars.product}}".
  note: z.string().default(""),
});
export type HandoffData = z.infer<typeof handoffDataSchema>;

// Hands the conversation to a human. The host pauses the bot for it; `next` lets the flow still say
// "someone will reply shortly" before going quiet.
export const handoffNode = defineNodeKind({
  kind: "handoff",
  data: handoffDataSchema,
  ports: () => ["next"],
  waits: () => false,
  references: (data) => ({ templates: [data.note] }),
  run: (data, ctx) => {
    const note = ctx.template(data.note).trim();
    return {
      outcome: "next",
      port: "next",
      note: `handed off to ${data.assignee ? `agent ${data.assignee}` : data.team ? `team ${data.team}` : "any agent"}`,
      actions: [{
        type: "handoff",
        nodeId: ctx.nodeId,
        ...(data.team ? { team: data.team } : {}),
        ...(data.assignee ? { assignee: data.assignee } : {}),
        ...(note ? { note } : {}),
      }],
    };
  },
});
