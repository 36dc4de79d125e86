import { matchTrigger, triggerNodeIds, TRIGGER_PRIORITY, type EngineEvent, type InboundMessage } from "@/flows-runtime";
import type { PublishedFlow } from "./flow-cache";

export type PickedFlow = { flow: PublishedFlow; event: Extract<EngineEvent, { type: "start" }> };

export type PickInput = {
  message?: InboundMessage;
  ref?: string;
  // The entry point the ref (or a LINE follow) belongs to: triggers may name it, and its own flow
  // opens when no trigger claims the ref.
  entryPoint?: { id: string; flowId: string | null } | null;
  isNewContact: boolean;
  onlyNewContactTriggers?: boolean;
};

// Which published flow answers a contact with no waiting session: a deep-link ref names its flow, a
// keyword is a deliberate request, then a new contact's welcome, then the workspace's default flow
// (whatever its trigger says), and last any flow that accepts any first message. Ties go to the
// oldest flow, so the answer does not change with the order a query returned rows in.
export function pickFlow(flows: PublishedFlow[], input: PickInput): PickedFlow | null {
  const text = input.message?.text ?? input.message?.payload;
  const base = { type: "start" as const, ...(input.message ? { message: input.message } : {}), ...(input.ref ? { ref: input.ref } : {}) };
  let best: { priority: number; picked: PickedFlow } | null = null;
  const consider = (priority: number, picked: PickedFlow) => {
    if (!best || priority > best.priority) best = { priority, picked };
  };

  const refs = [input.ref, input.entryPoint?.id].filter((ref): ref is string => !!ref);
  for (const flow of flows) {
    for (const ref of refs) {
      const match = matchTrigger(flow.graph, { reason: "ref", ref });
      if (match) consider(match.priority, { flow, event: { ...base, reason: "ref", triggerNodeId: match.nodeId } });
    }
    const first = triggerNodeIds(flow.graph)[0];
    if (input.entryPoint?.flowId === flow.flowId && first !== undefined) {
      // Just below a trigger that names the ref itself, above keywords and welcomes.
      consider(TRIGGER_PRIORITY.ref - 0.5, { flow, event: { ...base, reason: "ref", triggerNodeId: first } });
    }
    if (input.isNewContact) {
      const match = matchTrigger(flow.graph, { reason: "new_contact" });
      if (match) consider(match.priority, { flow, event: { ...base, reason: "new_contact", triggerNodeId: match.nodeId } });
    }
    if (input.onlyNewContactTriggers) continue;
    const match = matchTrigger(flow.graph, { reason: "keyword", ...(text !== undefined ? { text } : {}) });
    if (match?.priority === TRIGGER_PRIORITY.keyword) {
      consider(match.priority, { flow, event: { ...base, reason: "keyword", triggerNodeId: match.nodeId } });
    } else if (match) {
      // "Any first message" on a flow that is not the default one: only when nothing else applies.
      consider(flow.isDefault ? TRIGGER_PRIORITY.first_message + 1 : TRIGGER_PRIORITY.first_message - 1, {
        flow,
        event: { ...base, reason: "first_message", triggerNodeId: match.nodeId },
      });
    } else if (flow.isDefault) {
      if (first !== undefined) consider(TRIGGER_PRIORITY.first_message, { flow, event: { ...base, reason: "first_message", triggerNodeId: first } });
    }
  }
  return best === null ? null : (best as { picked: PickedFlow }).picked;
}
