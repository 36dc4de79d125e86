import type { FlowGraph } from "../graph/flow-graph";
import { nextNodeId } from "../graph/queries";
import type { NodeResult, NodeRunContext } from "../nodes/define-node-kind";
import { renderTemplate } from "../template/template";
import { templateScopeFor } from "../template/template-scope";
import type { Action } from "./actions";
import type { ContactSnapshot, StepContext } from "./context";
import type { EngineEvent, InboundMessage } from "./events";
import { resolveNode } from "./resolve-node";
import type { Session, Waiting } from "./session";
import type { TraceEntry } from "./trace-entry";

export const ENGINE_STEP_CAP = 200;
export const SESSION_PATH_CAP = 200;

// The mutable working state of one step() call. Everything in it is a copy owned by this call.
export type Run = {
  graph: FlowGraph;
  ctx: StepContext;
  event: EngineEvent;
  lastMessage: InboundMessage | undefined;
  session: Session;
  contact: ContactSnapshot;
  actions: Action[];
  trace: TraceEntry[];
  steps: number;
  cap: number;
};

// Runs nodes from `nodeId` until one waits or ends, a port leads nowhere, or the cap is reached.
export function walk(run: Run, nodeId: string): void {
  let current: string | undefined = nodeId;
  while (current !== undefined) {
    if (run.steps >= run.cap) {
      fail(run, current, "step_cap", `Stopped after ${run.cap} steps in a row at step "${current}": the flow seems to loop without waiting for the contact.`);
      return;
    }
    current = runNode(run, current, (definition, data, ctx) => definition.run(data, ctx));
  }
}

// Continues a waiting session at the node it waits on, with the event that woke it.
export function resume(run: Run, waiting: Waiting): void {
  run.session.status = "active";
  run.session.waiting = null;
  const next = runNode(run, waiting.nodeId, (definition, data, ctx) => {
    if (!definition.resume) throw new Error(`a ${definition.kind} step cannot be resumed`);
    return definition.resume(data, ctx, waiting);
  }, false);
  if (next !== undefined) walk(run, next);
}

type Invoke = (
  definition: NonNullable<Extract<ReturnType<typeof resolveNode>, { ok: true }>["definition"]>,
  data: unknown,
  ctx: NodeRunContext,
) => NodeResult;

function runNode(run: Run, nodeId: string, invoke: Invoke, recordPath = true): string | undefined {
  const node = Object.hasOwn(run.graph.nodes, nodeId) ? run.graph.nodes[nodeId] : undefined;
  if (!node) {
    fail(run, nodeId, "unknown_node", `The flow points to a step "${nodeId}" that does not exist: republish the flow.`);
    return undefined;
  }
  const resolved = resolveNode(node);
  if (!resolved.ok) {
    fail(run, nodeId, resolved.code, resolved.message, node.kind);
    return undefined;
  }
  run.steps += 1;
  if (recordPath) recordVisit(run.session, nodeId);
  let result: NodeResult;
  try {
    result = invoke(resolved.definition, resolved.data, runContext(run, nodeId));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail(run, nodeId, "node_failed", `This step failed unexpectedly (${detail}).`, node.kind);
    return undefined;
  }
  return applyResult(run, nodeId, node.kind, result);
}

function applyResult(run: Run, nodeId: string, kind: string, result: NodeResult): string | undefined {
  if (result.variables) run.session.variables = { ...run.session.variables, ...result.variables };
  for (const action of result.actions ?? []) {
    if (action.type === "error") {
      fail(run, action.nodeId ?? nodeId, action.code, action.message, kind);
      return undefined;
    }
    run.actions.push(action);
    applyToContact(run.contact, action);
  }
  const note = result.note;
  if (result.outcome === "wait") {
    run.session.status = "waiting";
    run.session.waiting = result.waiting;
    run.trace.push(entry(nodeId, kind, undefined, note ?? `waiting for ${result.waiting.for}`));
    return undefined;
  }
  if (result.outcome === "end") {
    run.session.status = "ended";
    run.trace.push(entry(nodeId, kind, undefined, note ?? "flow ended"));
    return undefined;
  }
  const target = nextNodeId(run.graph, nodeId, result.port);
  if (target === undefined) {
    // An unconnected output is a deliberate "stop here" in many flows.
    run.actions.push({ type: "end", closeConversation: false });
    run.session.status = "ended";
    const ends = `nothing connected to "${result.port}": flow ends`;
    run.trace.push(entry(nodeId, kind, result.port, note ? `${note}; ${ends}` : ends));
    return undefined;
  }
  run.trace.push(entry(nodeId, kind, result.port, note));
  return target;
}

// Later nodes (conditions, templates) must see tags and fields set earlier in the same step.
function applyToContact(contact: ContactSnapshot, action: Action): void {
  if (action.type === "add_tag" && !contact.tags.includes(action.tag)) contact.tags.push(action.tag);
  if (action.type === "remove_tag") contact.tags = contact.tags.filter((tag) => tag !== action.tag);
  if (action.type === "set_field") contact.fields[action.field] = action.value;
}

function runContext(run: Run, nodeId: string): NodeRunContext {
  const { ctx, session, contact } = run;
  return {
    nodeId,
    now: ctx.now,
    random: ctx.random,
    contact: { ...contact, fields: { ...contact.fields }, tags: [...contact.tags] },
    variables: session.variables,
    settings: ctx.settings,
    http: ctx.http,
    event: run.event,
    lastMessage: run.lastMessage,
    nextKey: (prefix) => `${prefix}:${nodeId}:${session.seq++}`,
    template: (source) => renderTemplate(source, templateScopeFor(run.contact, session.variables)),
  };
}

export function fail(run: Run, nodeId: string | undefined, code: string, message: string, kind?: string): void {
  run.actions.push({ type: "error", ...(nodeId !== undefined ? { nodeId } : {}), code, message });
  run.session.status = "errored";
  run.session.waiting = null;
  run.session.error = { code, message, ...(nodeId !== undefined ? { nodeId } : {}) };
  const node = nodeId !== undefined && Object.hasOwn(run.graph.nodes, nodeId) ? run.graph.nodes[nodeId] : undefined;
  run.trace.push({ nodeId: nodeId ?? "", kind: kind ?? node?.kind ?? "", note: message, error: { code, message } });
}

function recordVisit(session: Session, nodeId: string): void {
  session.path.push(nodeId);
  if (session.path.length > SESSION_PATH_CAP) session.path.splice(0, session.path.length - SESSION_PATH_CAP);
}

export function entry(nodeId: string, kind: string, port?: string, note?: string): TraceEntry {
  return { nodeId, kind, ...(port !== undefined ? { port } : {}), ...(note !== undefined ? { note } : {}) };
}
