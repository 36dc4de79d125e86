import { z } from "zod";
import type { StartReason } from "../../engine/events";
import { triggerNodeIds, type GraphLike } from "../../graph/queries";
import { keywordRuleSchema, matchesKeyword, regexProblem, type KeywordRule } from "../../text/keyword-match";
import { normaliseText } from "../../text/normalise";
import { defineNodeKind, type DiagnosticDraft } from "../define-node-kind";

export const triggerDataSchema = z.object({
  // Any first message from a contact with no running flow (the catch-all / default flow).
  anyMessage: z.boolean().default(false),
  keywords: z.array(keywordRuleSchema).default([]),
  // Deep-link / QR `ref` values (m.me/page?ref=spring, t.me/bot?start=spring, wa.me text codes).
  refs: z.array(z.string().trim().min(1)).default([]),
  // The entry point (QR code / link record) that opens this trigger; its id also matches as a ref.
  entryPointId: z.string().min(1).optional(),
  // A new contact, or a follow / subscribe event on channels that have one (LINE, Viber, WeChat).
  newContact: z.boolean().default(false),
  // Starts when this tag is added to the contact.
  tagAdded: z.string().trim().min(1).optional(),
  // Started by an agent, a broadcast or the simulator.
  manual: z.boolean().default(false),
});
export type TriggerData = z.infer<typeof triggerDataSchema>;

export type TriggerInput = { reason: StartReason; text?: string; ref?: string; tag?: string };
export type TriggerMatch = { nodeId: string; priority: number };

// When several flows could start, the host runs the highest: a deep link names its flow exactly, a
// keyword is a deliberate request, a catch-all only applies when nothing more specific does.
export const TRIGGER_PRIORITY = {
  ref: 50,
  keyword: 40,
  new_contact: 30,
  tag_added: 20,
  manual: 10,
  first_message: 10,
} as const;

export const triggerNode = defineNodeKind({
  kind: "trigger",
  data: triggerDataSchema,
  ports: () => ["next"],
  requiredPorts: () => ["next"],
  waits: () => false,
  diagnose: (data) => diagnoseTrigger(data),
  run: (data, ctx) => {
    const event = ctx.event;
    if (event.type !== "start") return { outcome: "next", port: "next" };
    const match = matchTriggerData(data, {
      reason: event.reason,
      text: event.message?.text ?? event.message?.payload,
      ref: event.ref,
      tag: event.tag,
    });
    return { outcome: "next", port: "next", note: match ? match.why : `started (${event.reason})` };
  },
});

// Which trigger of a flow accepts this start, and with what priority. The first of the best matches
// in stable node order wins, so the answer never depends on how the document was saved.
export function matchTrigger(graph: GraphLike, input: TriggerInput): TriggerMatch | undefined {
  let best: TriggerMatch | undefined;
  for (const nodeId of triggerNodeIds(graph)) {
    const data = triggerData(graph.nodes[nodeId]?.data);
    if (!data) continue;
    const match = matchTriggerData(data, input);
    if (match && (!best || match.priority > best.priority)) best = { nodeId, priority: match.priority };
  }
  return best;
}

export function matchTriggerData(data: TriggerData, input: TriggerInput): { priority: number; why: string } | undefined {
  switch (input.reason) {
    case "ref": {
      const ref = input.ref?.trim();
      if (!ref) return undefined;
      if (data.refs.includes(ref) || data.entryPointId === ref) return { priority: TRIGGER_PRIORITY.ref, why: `opened by link ref "${ref}"` };
      return undefined;
    }
    case "new_contact":
      return data.newContact ? { priority: TRIGGER_PRIORITY.new_contact, why: "new contact" } : undefined;
    case "tag_added": {
      const tag = input.tag;
      if (!tag || !data.tagAdded) return undefined;
      return normaliseText(tag) === normaliseText(data.tagAdded)
        ? { priority: TRIGGER_PRIORITY.tag_added, why: `tag "${data.tagAdded}" added` }
        : undefined;
    }
    case "manual":
      return data.manual ? { priority: TRIGGER_PRIORITY.manual, why: "started manually" } : undefined;
    case "keyword":
    case "first_message": {
      const rule = input.text === undefined ? undefined : data.keywords.find((r) => matchesKeyword(r, input.text as string));
      if (rule) return { priority: TRIGGER_PRIORITY.keyword, why: `keyword ${rule.match} "${rule.value}" matched` };
      return data.anyMessage ? { priority: TRIGGER_PRIORITY.first_message, why: "any first message" } : undefined;
    }
    default:
      return undefined;
  }
}

// Trigger data comes from a parsed graph; a hand-made graph with bad data simply never matches.
const parsedCache = new WeakMap<object, TriggerData | null>();
function triggerData(raw: unknown): TriggerData | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  let parsed = parsedCache.get(raw);
  if (parsed === undefined) {
    const result = triggerDataSchema.safeParse(raw);
    parsed = result.success ? result.data : null;
    parsedCache.set(raw, parsed);
  }
  return parsed ?? undefined;
}

function diagnoseTrigger(data: TriggerData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  data.keywords.forEach((rule: KeywordRule, index) => {
    if (rule.match !== "regex") return;
    const problem = regexProblem(rule.value);
    if (problem) problems.push({ code: "invalid_regex", severity: "error", message: `Keyword rule ${index + 1}: ${problem}` });
  });
  const usableKeywords = data.keywords.some((rule) =>
    rule.match === "regex" ? regexProblem(rule.value) === null : normaliseText(rule.value) !== "",
  );
  const canFire =
    data.anyMessage || usableKeywords || data.refs.length > 0 || data.entryPointId !== undefined || data.newContact || data.tagAdded !== undefined || data.manual;
  if (!canFire) {
    problems.push({
      code: "trigger_never_fires",
      severity: "warning",
      message: "This trigger has nothing that starts it: add a keyword, a link ref, or choose \"any first message\", \"new contact\", \"tag added\" or \"manual\".",
    });
  }
  return problems;
}
