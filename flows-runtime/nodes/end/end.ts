import { z } from "zod";
import { defineNodeKind } from "../define-node-kind";

export const endDataSchema = z.object({
  // Also mark the conversation resolved in the inbox, not just stop the bot.
  closeConversation: z.boolean().default(false),
});
export type EndData = z.infer<typeof endDataSchema>;

export const endNode = defineNodeKind({
  kind: "end",
  data: endDataSchema,
  ports: () => [],
  waits: () => false,
  run: (data) => ({
    outcome: "end",
    note: data.closeConversation ? "flow ended, conversation closed" : "flow ended",
    actions: [{ type: "end", closeConversation: data.closeConversation }],
  }),
});
