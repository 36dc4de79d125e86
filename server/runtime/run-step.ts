import { step, type EngineEvent, type FlowGraph } from "@/flows-runtime";
import { recordSimulationStep } from "../simulator/record-simulation-step";
import { contactSnapshotData, type ContactData, type StoredSession } from "./contact-state";
import type { WorkspaceRuntimeView } from "./flow-cache";
import type { FlowRun } from "./flow-run";
import { writeStep } from "./write-step";

// A jump into a flow that jumps back could loop forever within one event.
const MAX_JUMP_DEPTH = 5;

// Runs one engine step for a contact and writes its result in the current transaction: the session
// (on the flow version it started on), then every action in order. A jump ends this session and
// starts the target flow's published version in the same transaction.
export async function runStep(
  run: FlowRun,
  view: WorkspaceRuntimeView,
  target: { flowId: string; versionId: string; graph: FlowGraph },
  session: StoredSession | null,
  event: EngineEvent,
  // The contact's fields and tags, when the caller has just read them (a jump reads them again).
  known?: ContactData,
  depth = 0,
): Promise<void> {
  const data = known ?? (await contactSnapshotData(run.tx, run.contact.contactId));
  const result = step(target.graph, session?.state ?? null, event, {
    now: run.now,
    random: Math.random,
    contact: { id: run.contact.contactId, fields: data.fields, tags: data.tags, channel: run.channel.type },
    settings: view.settings,
  });
  const jump = result.actions.find((action) => action.type === "jump");
  await writeStep(run, target, session, jump ? { ...result.session, status: "ended", waiting: null } : result.session, result.actions);
  if (run.simulationId) {
    const before = { ...data, variables: session?.state.variables ?? {} };
    await recordSimulationStep(run, { flowId: target.flowId, event, trace: result.trace, actions: result.actions, before, session: result.session });
  }
  if (!jump) return;
  const next = view.flows.find((flow) => flow.flowId === jump.flowId);
  if (!next) return void run.errors.push(`jump at node ${jump.nodeId}: the target flow is not published`);
  if (depth >= MAX_JUMP_DEPTH) return void run.errors.push(`jump at node ${jump.nodeId}: more than ${MAX_JUMP_DEPTH} jumps in one step`);
  await runStep(run, view, next, null, { type: "start", reason: "manual", triggerNodeId: firstTrigger(next.graph) }, undefined, depth + 1);
}

function firstTrigger(graph: FlowGraph): string | undefined {
  return Object.values(graph.nodes).find((node) => node.kind === "trigger")?.id;
}
