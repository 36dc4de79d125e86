import type { Action } from "../engine/actions";
import type { ContactSnapshot } from "../engine/context";
import type { EngineEvent, HttpResult, StartReason } from "../engine/events";
import type { Session } from "../engine/session";
import { step, type StepResult } from "../engine/step";
import type { FlowGraph } from "../graph/flow-graph";
import { testContext, type TestContextOptions } from "./test-context";

export type Conversation = {
  readonly session: Session | null;
  readonly contact: ContactSnapshot;
  readonly now: number;
  // Every step result so far, oldest first.
  readonly history: StepResult[];
  start: (start?: { reason?: StartReason; text?: string; ref?: string; tag?: string; nodeId?: string; triggerNodeId?: string }) => StepResult;
  say: (text: string) => StepResult;
  tap: (payload: string, text?: string) => StepResult;
  // Fires the timer the session waits on (or the given key), moving the clock to its scheduled time.
  fireTimer: (key?: string) => StepResult;
  httpResult: (result: HttpResult, requestId?: string) => StepResult;
  send: (event: EngineEvent) => StepResult;
};

// Drives a graph like the runtime host would: keeps the session, applies tag and field actions to the
// contact between events, and remembers scheduled timers. For tests of whole flows:
//   const chat = conversation(graph); chat.start({ text: "hi" }); expect(sentTexts(chat.say("42"))).toEqual([...])
export function conversation(graph: FlowGraph, options: TestContextOptions = {}): Conversation {
  const base = testContext(options);
  let session: Session | null = null;
  let contact: ContactSnapshot = base.contact;
  let now = base.now;
  const history: StepResult[] = [];
  const timers = new Map<string, number>();

  const send = (event: EngineEvent): StepResult => {
    const result = step(graph, session, event, { ...base, now, contact });
    session = result.session;
    contact = applyActions(contact, result.actions, timers);
    history.push(result);
    return result;
  };

  return {
    get session() {
      return session;
    },
    get contact() {
      return contact;
    },
    get now() {
      return now;
    },
    history,
    send,
    start: (start = {}) => {
      const { text, reason, ...rest } = start;
      return send({
        type: "start",
        reason: reason ?? (start.ref ? "ref" : start.tag ? "tag_added" : "first_message"),
        ...(text !== undefined ? { message: { text } } : {}),
        ...rest,
      });
    },
    say: (text) => send({ type: "message", message: { text } }),
    tap: (payload, text) => send({ type: "message", message: { payload, ...(text !== undefined ? { text } : {}) } }),
    fireTimer: (key) => {
      const waiting = session?.waiting;
      const timerKey = key ?? (waiting && waiting.for !== "http" ? waiting.timerKey : undefined);
      if (!timerKey) throw new Error("conversation.fireTimer: the session waits on no timer");
      now = Math.max(now, timers.get(timerKey) ?? now);
      return send({ type: "timer", key: timerKey });
    },
    httpResult: (result, requestId) => {
      const waiting = session?.waiting;
      const id = requestId ?? (waiting?.for === "http" ? waiting.requestId : undefined);
      if (!id) throw new Error("conversation.httpResult: the session waits on no HTTP request");
      return send({ type: "http_result", requestId: id, result });
    },
  };
}

// The texts sent by a step, in order: what the contact would read.
export function sentTexts(result: { actions: readonly Action[] }): string[] {
  return result.actions.flatMap((action) => (action.type === "send" ? [action.message.text] : []));
}

function applyActions(contact: ContactSnapshot, actions: readonly Action[], timers: Map<string, number>): ContactSnapshot {
  let next = contact;
  for (const action of actions) {
    if (action.type === "add_tag" && !next.tags.includes(action.tag)) next = { ...next, tags: [...next.tags, action.tag] };
    if (action.type === "remove_tag") next = { ...next, tags: next.tags.filter((tag) => tag !== action.tag) };
    if (action.type === "set_field") next = { ...next, fields: { ...next.fields, [action.field]: action.value } };
    if (action.type === "schedule") timers.set(action.key, action.at);
    if (action.type === "cancel") timers.delete(action.key);
  }
  return next;
}
