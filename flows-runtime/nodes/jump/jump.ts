import { z } from "zod";
import { defineNodeKind, type DiagnoseContext, type DiagnosticDraft } from "../define-node-kind";

export const jumpDataSchema = z.object({
  // Stable id of the flow to continue in; empty until the marketer picks one.
  flowId: z.string().trim().default(""),
});
export type JumpData = z.infer<typeof jumpDataSchema>;

// Continues in another flow: this session ends and the host starts the target flow for the contact.
export const jumpNode = defineNodeKind({
  kind: "jump",
  data: jumpDataSchema,
  ports: () => [],
  waits: () => false,
  diagnose: (data, ctx) => diagnoseJump(data, ctx),
  run: (data, ctx) => {
    if (data.flowId === "") {
      return {
        outcome: "end",
        actions: [{ type: "error", nodeId: ctx.nodeId, code: "missing_jump_target", message: "This jump has no flow to go to." }],
      };
    }
    return { outcome: "end", note: `jump to flow ${data.flowId}`, actions: [{ type: "jump", nodeId: ctx.nodeId, flowId: data.flowId }] };
  },
});

function diagnoseJump(data: JumpData, ctx: DiagnoseContext): DiagnosticDraft[] {
  if (data.flowId === "") {
    return [{ code: "missing_jump_target", severity: "error", message: "Choose the flow this step jumps to." }];
  }
  if (ctx.knownFlowIds && !ctx.knownFlowIds.has(data.flowId)) {
    return [{ code: "unknown_flow", severity: "error", message: `This step jumps to a flow that does not exist (any more): "${data.flowId}". Pick another flow.` }];
  }
  return [];
}
