import type { OutboundMessage } from "../channels/outbound-message";
import type { Action } from "../engine/actions";
import type { ContactSnapshot } from "../engine/context";
import type { HttpResult, InboundMessage, StartReason } from "../engine/events";
import type { Session } from "../engine/session";
import type { StepResult } from "../engine/step";
import type { FlowGraph } from "../graph/flow-graph";
import { conversation } from "./conversation";
import type { TestContextOptions } from "./test-context";

// One thing the contact (or the clock) does in a scripted conversation: a typed text, a full inbound
// message (button payload, photo), "the pending timer fires" (a question timeout, a wait), or the
// host delivering the pending HTTP request's result.
export type ScriptLine = string | InboundMessage | { timer: true } | { http: HttpResult };

export type ScriptTurn = StepResult & {
  // What the contact sees after this line, in order.
  replies: OutboundMessage[];
};

export type ScriptResult = {
  turns: ScriptTurn[];
  // Reply texts per line: `replies[0]` answers the first line of the script.
  replies: string[][];
  // The contact after every tag and field action was applied, as the host would store it.
  contact: ContactSnapshot;
  session: Session | null;
  handoffs: Extract<Action, { type: "handoff" }>[];
  errors: Extract<Action, { type: "error" }>[];
};

export type ScriptOptions = TestContextOptions & { startReason?: StartReason };

// Plays a whole script through step() the way the runtime host would: a message starts the flow when
// no session waits and resumes it otherwise. Built on conversation(), which keeps the session, the
// timers and the contact between lines. For template tests that assert on what a contact sees:
//   const chat = runConversation(graph, ["start", "２", "aiko@example.jp"]);
//   expect(chat.replies[1]).toEqual(["How many people work at your company?"]);
export function runConversation(graph: FlowGraph, script: readonly ScriptLine[], options: ScriptOptions = {}): ScriptResult {
  const { startReason = "first_message", ...contextOptions } = options;
  const chat = conversation(graph, contextOptions);
  for (const line of script) {
    if (typeof line === "object" && "timer" in line) chat.fireTimer();
    else if (typeof line === "object" && "http" in line) chat.httpResult(line.http);
    else {
      const message: InboundMessage = typeof line === "string" ? { text: line } : line;
      chat.send(chat.session?.status === "waiting" ? { type: "message", message } : { type: "start", reason: startReason, message });
    }
  }
  const turns = chat.history.map((result) => ({ ...result, replies: result.actions.flatMap((a) => (a.type === "send" ? [a.message] : [])) }));
  const actions = chat.history.flatMap((result) => result.actions);
  return {
    turns,
    replies: turns.map((turn) => turn.replies.map((message) => message.text)),
    contact: chat.contact,
    session: chat.session,
    handoffs: actions.filter((action) => action.type === "handoff"),
    errors: actions.filter((action) => action.type === "error"),
  };
}
