import type { Action } from "../../engine/actions";
import type { Waiting } from "../../engine/session";
import { defineNodeKind, type NodeResult, type NodeRunContext } from "../define-node-kind";
import { diagnoseQuestion } from "./question-diagnostics";
import {
  ANSWERED_PORT,
  INVALID_PORT,
  TIMEOUT_PORT,
  describeTimeout,
  questionDataSchema,
  questionMessage,
  timeoutMs,
  type QuestionData,
} from "./question-data";
import { defaultRetryText, readAnswer } from "./read-answer";

export const questionNode = defineNodeKind({
  kind: "question",
  data: questionDataSchema,
  ports: (data) => [...answerPorts(data), INVALID_PORT, TIMEOUT_PORT],
  requiredPorts: (data) => [...answerPorts(data), ...(data.timeout ? [TIMEOUT_PORT] : [])],
  waits: () => true,
  references: (data) => ({
    templates: [data.prompt, ...(data.retryPrompt !== undefined ? [data.retryPrompt] : [])],
    // The answer is always kept as a variable under the save key, so later templates can use {{vars.key}}.
    writesVariables: data.saveTo?.key ? [data.saveTo.key] : [],
    writesFields: data.saveTo?.target === "field" && data.saveTo.key ? [data.saveTo.key] : [],
  }),
  messages: (data) => [questionMessage(data, data.prompt)],
  diagnose: (data) => diagnoseQuestion(data),
  run: (data, ctx) => {
    const actions: Action[] = [{ type: "send", nodeId: ctx.nodeId, message: questionMessage(data, ctx.template(data.prompt)) }];
    let timerKey: string | undefined;
    if (data.timeout) {
      timerKey = ctx.nextKey("timeout");
      actions.push({ type: "schedule", nodeId: ctx.nodeId, key: timerKey, at: ctx.now + timeoutMs(data.timeout) });
    }
    return { outcome: "wait", actions, waiting: inputWaiting(ctx.nodeId, 0, timerKey) };
  },
  resume: (data, ctx, waiting) => {
    if (waiting.for !== "input") return { outcome: "wait", waiting };
    const { event } = ctx;
    if (event.type === "timer") {
      // The engine only delivers our own key; the check keeps a stray timer from ending the question.
      if (event.key !== waiting.timerKey) return { outcome: "wait", waiting };
      const note = data.timeout ? `no answer within ${describeTimeout(data.timeout)}` : "timed out";
      return { outcome: "next", port: TIMEOUT_PORT, note };
    }
    if (event.type !== "message") return { outcome: "wait", waiting };
    return answer(data, ctx, waiting);
  },
});

function answer(data: QuestionData, ctx: NodeRunContext, waiting: Extract<Waiting, { for: "input" }>): NodeResult {
  const locale = data.locale ?? contactLocale(ctx);
  if (ctx.event.type !== "message") return { outcome: "wait", waiting };
  const result = readAnswer(data, ctx.event.message, locale);
  const cancel: Action[] = waiting.timerKey ? [{ type: "cancel", key: waiting.timerKey }] : [];

  if (result.ok) {
    const actions: Action[] = [...cancel];
    const variables: Record<string, unknown> = {};
    const key = data.saveTo?.key;
    if (key) {
      variables[key] = result.value;
      if (data.saveTo?.target === "field") actions.push({ type: "set_field", nodeId: ctx.nodeId, field: key, value: result.value });
    }
    return { outcome: "next", port: result.port ?? ANSWERED_PORT, actions, variables, note: result.note };
  }

  const attempts = waiting.attempts + 1;
  if (attempts >= data.maxAttempts) {
    return { outcome: "next", port: INVALID_PORT, actions: cancel, note: `${result.note}; gave up after ${attempts} attempts` };
  }
  const retry = data.retryPrompt !== undefined && data.retryPrompt.trim() !== "" ? ctx.template(data.retryPrompt) : defaultRetryText(result.hint, locale);
  return {
    outcome: "wait",
    actions: [{ type: "send", nodeId: ctx.nodeId, message: questionMessage(data, retry) }],
    // Same timer: re-asking does not extend the time the contact has to answer.
    waiting: inputWaiting(waiting.nodeId, attempts, waiting.timerKey),
    note: `${result.note}; asked again (attempt ${attempts + 1} of ${data.maxAttempts})`,
  };
}

function answerPorts(data: QuestionData): string[] {
  return data.answerType === "choice" ? data.choices.map((choice) => choice.id) : [ANSWERED_PORT];
}

function inputWaiting(nodeId: string, attempts: number, timerKey: string | undefined): Waiting {
  // Omit an absent timerKey instead of storing `undefined`, so the session round-trips through JSON unchanged.
  return timerKey ? { for: "input", nodeId, attempts, timerKey } : { for: "input", nodeId, attempts };
}

function contactLocale(ctx: NodeRunContext): string | undefined {
  const locale = ctx.contact.fields.locale;
  return typeof locale === "string" && locale !== "" ? locale : undefined;
}
