import type { FlowGraph } from "../graph/flow-graph";
import { matchTrigger } from "../nodes/trigger/trigger";
import type { Action } from "./actions";
import type { StepContext } from "./context";
import type { EngineEvent } from "./events";
import { newSession } from "./new-session";
import type { Session, Waiting } from "./session";
import type { TraceEntry } from "./trace-entry";
import { ENGINE_STEP_CAP, entry, fail, resume, walk, type Run } from "./walk";

export { ENGINE_STEP_CAP } from "./walk";
export { newSession } from "./new-session";
export type { TraceEntry } from "./trace-entry";

export type StepResult = { session: Session; actions: Action[]; trace: TraceEntry[] };

// The engine: one event in, the new session and what the host should do out. Pure — the clock,
// randomness, contact and HTTP come from ctx — so the simulator, the runtime and replays agree.
// It never throws for input that passes the schemas: problems come back as `error` actions.
export function step(graph: FlowGraph, session: Session | null, event: EngineEvent, ctx: StepContext): StepResult {
  const run = createRun(graph, session, event, ctx);
  try {
    if (event.type === "start") start(run, session, event);
    else continueSession(run, session, event);
  } catch (error) {
    // Only a bug (or a throwing ctx.random / ctx.http) gets here; the contact must not be left hanging.
    const detail = error instanceof Error ? error.message : String(error);
    fail(run, run.session.waiting?.nodeId, "engine_error", `The flow stopped because of an internal error (${detail}).`);
  }
  return { session: run.session, actions: run.actions, trace: run.trace };
}

function createRun(graph: FlowGraph, session: Session | null, event: EngineEvent, ctx: StepContext): Run {
  const base = session ?? newSession(graph);
  const maxSteps = ctx.maxSteps;
  return {
    graph,
    ctx,
    event,
    lastMessage: event.type === "message" || event.type === "start" ? event.message : undefined,
    session: {
      ...base,
      variables: { ...base.variables },
      path: [...base.path],
      waiting: base.waiting ? { ...base.waiting } : null,
      error: base.error ? { ...base.error } : null,
    },
    contact: { ...ctx.contact, fields: { ...ctx.contact.fields }, tags: [...ctx.contact.tags] },
    actions: [],
    trace: [],
    steps: 0,
    cap: maxSteps !== undefined && Number.isFinite(maxSteps) && maxSteps >= 1 ? Math.floor(maxSteps) : ENGINE_STEP_CAP,
  };
}

function start(run: Run, prior: Session | null, event: Extract<EngineEvent, { type: "start" }>): void {
  const startId = event.nodeId ?? event.triggerNodeId ?? matchedTrigger(run, event);
  if (startId === undefined) {
    // Nothing here accepts this start: a waiting session carries on undisturbed.
    if (!prior) run.session.status = "ended";
    run.trace.push(entry(prior?.waiting?.nodeId ?? "", "trigger", undefined, `no trigger in this flow accepts a "${event.reason}" start`));
    return;
  }
  // A fresh run keeps the key counter so timer keys and request ids never repeat within a contact's session.
  const fresh = newSession(run.graph);
  run.session = { ...fresh, variables: { ...fresh.variables, ...event.variables }, seq: prior?.seq ?? 0 };
  const oldTimer = prior?.status === "waiting" ? timerKeyOf(prior.waiting) : undefined;
  if (oldTimer !== undefined) run.actions.push({ type: "cancel", key: oldTimer });
  if (event.nodeId !== undefined) run.trace.push(entry(event.nodeId, kindOf(run, event.nodeId), undefined, "started here (skipping triggers)"));
  walk(run, startId);
}

function matchedTrigger(run: Run, event: Extract<EngineEvent, { type: "start" }>): string | undefined {
  const text = event.message?.text ?? event.message?.payload;
  return matchTrigger(run.graph, {
    reason: event.reason,
    ...(text !== undefined ? { text } : {}),
    ...(event.ref !== undefined ? { ref: event.ref } : {}),
    ...(event.tag !== undefined ? { tag: event.tag } : {}),
  })?.nodeId;
}

function continueSession(run: Run, prior: Session | null, event: Exclude<EngineEvent, { type: "start" }>): void {
  const waiting = prior?.status === "waiting" ? prior.waiting : null;
  if (!prior || !waiting) {
    run.trace.push(entry("", "", undefined, `no waiting session: ${event.type} ignored (session ${prior?.status ?? "missing"})`));
    if (!prior) run.session.status = "ended";
    return;
  }
  const ignore = (note: string) => run.trace.push(entry(waiting.nodeId, kindOf(run, waiting.nodeId), undefined, note));
  if (event.type === "message") {
    if (waiting.for === "input") resume(run, waiting);
    else ignore(`message ignored: waiting for ${waiting.for === "timer" ? "a timer" : "an HTTP result"}`);
    return;
  }
  if (event.type === "timer") {
    if (timerKeyOf(waiting) === event.key) resume(run, waiting);
    else ignore(`stale timer ignored (${event.key})`);
    return;
  }
  if (waiting.for === "http" && waiting.requestId === event.requestId) resume(run, waiting);
  else ignore(`stale HTTP result ignored (${event.requestId})`);
}

function timerKeyOf(waiting: Waiting | null): string | undefined {
  if (!waiting || waiting.for === "http") return undefined;
  return waiting.timerKey;
}

function kindOf(run: Run, nodeId: string): string {
  return Object.hasOwn(run.graph.nodes, nodeId) ? (run.graph.nodes[nodeId]?.kind ?? "") : "";
}
