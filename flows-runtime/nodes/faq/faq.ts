import { z } from "zod";
import { bestFaqMatch, DEFAULT_FAQ_THRESHOLD } from "../../faq/faq-match";
import { defineNodeKind, type NodeResult, type NodeRunContext } from "../define-node-kind";
import { diagnoseFaq } from "./faq-diagnostics";

export const FAQ_MATCH_VARIABLE = "faq_match";
export const FAQ_SCORE_VARIABLE = "faq_score";
// The contact's question, kept so a handoff note or a "no match" message can quote it.
export const FAQ_QUESTION_VARIABLE = "faq_question";

export const faqEntrySchema = z.object({
  id: z.string().min(1),
  question: z.string().default(""),
  // Other ways people ask the same thing ("opening hours", "営業時間"): each is matched like the question.
  alternatives: z.array(z.string()).default([]),
  // Template: the reply sent on a match.
  answer: z.string().default(""),
});

export const faqDataSchema = z.object({
  entries: z.array(faqEntrySchema).default([]),
  // 0..1: how alike the message and a question must be. Lower answers more, and more often wrongly.
  threshold: z.number().min(0).max(1).default(DEFAULT_FAQ_THRESHOLD),
  // When set, the node asks this and waits for the question; otherwise it answers the message the
  // contact just sent (typically the one that started the flow).
  askFirst: z.string().optional(),
});
export type FaqData = z.infer<typeof faqDataSchema>;

export const faqNode = defineNodeKind({
  kind: "faq",
  data: faqDataSchema,
  ports: () => ["answered", "no_match"],
  // An unconnected no_match would leave a contact's question unanswered in silence.
  requiredPorts: () => ["answered", "no_match"],
  waits: (data) => asksFirst(data),
  references: (data) => ({
    templates: [...(asksFirst(data) ? [data.askFirst ?? ""] : []), ...data.entries.map((entry) => entry.answer)],
    writesVariables: [FAQ_MATCH_VARIABLE, FAQ_SCORE_VARIABLE, FAQ_QUESTION_VARIABLE],
  }),
  messages: (data) => [
    ...(asksFirst(data) ? [{ text: data.askFirst ?? "", choices: [] }] : []),
    ...data.entries.map((entry) => ({ text: entry.answer, choices: [] })),
  ],
  diagnose: (data) => diagnoseFaq(data),
  run: (data, ctx) => {
    if (asksFirst(data)) {
      return {
        outcome: "wait",
        actions: [{ type: "send", nodeId: ctx.nodeId, message: { text: ctx.template(data.askFirst ?? ""), choices: [] } }],
        waiting: { for: "input", nodeId: ctx.nodeId, attempts: 0 },
      };
    }
    return answer(data, ctx, ctx.lastMessage?.text);
  },
  resume: (data, ctx, waiting) => {
    if (ctx.event.type !== "message") return { outcome: "wait", waiting };
    return answer(data, ctx, ctx.event.message.text);
  },
});

function answer(data: FaqData, ctx: NodeRunContext, text: string | undefined): NodeResult {
  const question = text?.trim() ?? "";
  const match = question === "" ? undefined : bestFaqMatch(data.entries, question, data.threshold);
  if (!match) {
    return {
      outcome: "next",
      port: "no_match",
      variables: { [FAQ_MATCH_VARIABLE]: null, [FAQ_SCORE_VARIABLE]: null, [FAQ_QUESTION_VARIABLE]: question },
      note: question === "" ? "no question text to answer" : "no FAQ entry is close enough",
    };
  }
  const score = Math.round(match.score * 100) / 100;
  return {
    outcome: "next",
    port: "answered",
    actions: [{ type: "send", nodeId: ctx.nodeId, message: { text: ctx.template(match.entry.answer), choices: [] } }],
    variables: { [FAQ_MATCH_VARIABLE]: match.entry.id, [FAQ_SCORE_VARIABLE]: score, [FAQ_QUESTION_VARIABLE]: question },
    note: `matched "${match.entry.question}" (score ${score})`,
  };
}

function asksFirst(data: FaqData): boolean {
  return data.askFirst !== undefined && data.askFirst.trim() !== "";
}
