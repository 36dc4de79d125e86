import type { Action, EngineEvent, Session, TraceEntry } from "@/flows-runtime";
import { contactSnapshotData } from "../runtime/contact-state";
import type { FlowRun } from "../runtime/flow-run";

export type SimulationSnapshot = { fields: Record<string, unknown>; tags: string[]; variables: Record<string, unknown> };

// Written in the step's own transaction, after its actions: the debug panel's trace and its
// "what changed" come from exactly what the runtime did.
export async function recordSimulationStep(
  run: FlowRun,
  step: { flowId: string; event: EngineEvent; trace: TraceEntry[]; actions: Action[]; before: SimulationSnapshot; session: Session },
): Promise<void> {
  if (!run.simulationId) return;
  const after = await contactSnapshotData(run.tx, run.contact.contactId);
  await run.tx.query(
    `insert into simulation_steps (simulation_id, event, trace, actions, before, after, simulated_at)
     values ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7)`,
    [
      run.simulationId,
      JSON.stringify({ ...step.event, flowId: step.flowId }),
      JSON.stringify(step.trace),
      JSON.stringify(step.actions),
      JSON.stringify(step.before),
      JSON.stringify({ ...after, variables: step.session.variables, status: step.session.status, waiting: step.session.waiting, path: step.session.path }),
      run.now,
    ],
  );
}
