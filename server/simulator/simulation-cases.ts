import { z } from "zod";
import { DomainError } from "../domain-errors";
import { loadSimulation } from "./load-simulation";
import type { RecordedInput } from "./simulate-input";
import { simulateInput } from "./simulate-input";
import { simulationSetupSchema } from "./simulation-setup";
import { simulationState } from "./simulation-state";
import { replySummary } from "./reply-summary";
import { startSimulation, type SimulatorScope } from "./start-simulation";

export const saveCaseInput = z.object({ simulationId: z.string().uuid(), name: z.string().trim().min(1, "Name the test case").max(120) });

// Saves a simulator conversation as a test case: the same setup, the same inputs in order, and the
// replies each input got as what is expected.
export async function saveSimulationCase(scope: SimulatorScope, input: z.infer<typeof saveCaseInput>) {
  const simulation = await loadSimulation(scope.database, scope.workspaceId, input.simulationId);
  const [row] = await scope.database.query<{ inputs: RecordedInput[] }>("select inputs from simulations where id = $1", [simulation.id]);
  const recorded = row?.inputs ?? [];
  const setup = simulationSetupSchema.parse(simulation.setup);
  if (recorded.length === 0 && setup.start.kind === "none") throw new DomainError("invalid", "Talk to the flow first: this conversation has nothing to save.");
  const initial = await initialReplies(scope, simulation.id, recorded);
  const [saved] = await scope.database.query<{ id: string }>(
    `insert into simulation_cases (workspace_id, flow_id, name, setup, inputs, expected, input_count)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7) returning id`,
    [
      scope.workspaceId,
      simulation.flow_id,
      input.name,
      JSON.stringify({ ...setup, version: "draft" }),
      JSON.stringify(recorded.map((entry) => entry.input)),
      JSON.stringify({ start: initial, replies: recorded.map((entry) => entry.replies) }),
      recorded.length,
    ],
  );
  return { id: saved!.id, name: input.name, inputCount: recorded.length };
}

export async function listSimulationCases(scope: SimulatorScope, flowId: string) {
  return scope.database.query<{ id: string; name: string; input_count: number; created_at: string }>(
    "select id, name, input_count, created_at::text from simulation_cases where workspace_id = $1 and flow_id = $2 order by created_at desc",
    [scope.workspaceId, flowId],
  );
}

export async function deleteSimulationCase(scope: SimulatorScope, caseId: string) {
  const rows = await scope.database.query("delete from simulation_cases where id = $1 and workspace_id = $2 returning id", [caseId, scope.workspaceId]);
  if (rows.length === 0) throw new DomainError("not_found", "That test case was not found.");
  return { id: caseId };
}

export type CaseStepReport = { label: string; expected: string[]; actual: string[]; same: boolean };

// Replays a saved case against the flow's current draft as a new test contact and reports, input by
// input, which replies differ: the regression check before publishing.
export async function runSimulationCase(scope: SimulatorScope, caseId: string) {
  const [saved] = await scope.database.query<{ id: string; name: string; setup: unknown; inputs: RecordedInput["input"][]; expected: { start: string[]; replies: string[][] } }>(
    "select id, name, setup, inputs, expected from simulation_cases where id = $1 and workspace_id = $2",
    [caseId, scope.workspaceId],
  );
  if (!saved) throw new DomainError("not_found", "That test case was not found.");
  const { simulationId } = await startSimulation(scope, saved.setup);
  const steps: CaseStepReport[] = [compare("Start", saved.expected.start, await botReplies(scope, simulationId, 0))];
  for (const [index, input] of saved.inputs.entries()) {
    const before = (await botReplies(scope, simulationId, 0)).length;
    try {
      await simulateInput(scope, simulationId, input);
      steps.push(compare(describeInput(input), saved.expected.replies[index] ?? [], await botReplies(scope, simulationId, before)));
    } catch (error) {
      steps.push({ label: describeInput(input), expected: saved.expected.replies[index] ?? [], actual: [`(could not be replayed: ${(error as Error).message})`], same: false });
    }
  }
  return { caseId: saved.id, name: saved.name, simulationId, passed: steps.every((step) => step.same), steps };
}

async function initialReplies(scope: SimulatorScope, simulationId: string, recorded: RecordedInput[]): Promise<string[]> {
  const all = await botReplies(scope, simulationId, 0);
  const later = recorded.reduce((count, entry) => count + entry.replies.length, 0);
  return all.slice(0, all.length - later);
}

async function botReplies(scope: SimulatorScope, simulationId: string, from: number): Promise<string[]> {
  const state = await simulationState(scope.database, scope.workspaceId, simulationId);
  return state.messages.filter((message) => message.from === "bot").slice(from).map(replySummary);
}

function compare(label: string, expected: string[], actual: string[]): CaseStepReport {
  return { label, expected, actual, same: expected.length === actual.length && expected.every((line, index) => line === actual[index]) };
}

function describeInput(input: RecordedInput["input"]): string {
  if (input.kind === "fire") return "Fire the pending wake-up";
  if (input.kind === "start") return `Start: ${input.start.kind}`;
  const message = input.message;
  if (message.payload) return `Tap “${message.text ?? message.payload}”`;
  if (message.location) return `Location ${message.location.name ?? `${message.location.latitude}, ${message.location.longitude}`}`;
  if (message.media) return `Send ${message.media.kind}`;
  return `Say “${message.text ?? ""}”`;
}
