import { randomUUID } from "node:crypto";
import type { StoredEvent } from "../runtime/handle-event";
import type { PendingHttpRequest } from "../runtime/flow-run";
import { storeEvents } from "../runtime/ingest";
import { processContact } from "../runtime/process-contact";
import { runHttpRequest } from "../runtime/timers";
import { DomainError } from "../domain-errors";
import { loadSimulation, type SimulationRow } from "./load-simulation";
import { replySummary } from "./reply-summary";
import { simulationInputSchema, type SimulationInput, type SimulationStart } from "./simulation-setup";
import { toSimulatorMessage } from "./simulation-state";
import type { SimulatorScope } from "./start-simulation";

// HTTP results come back as events of their own; a flow calling several APIs in a row needs a few rounds.
const MAX_ROUNDS = 5;

// One thing the test contact does. It enters exactly as a real contact's event does (stored in
// inbound_events, processed by processContact with the same per-contact lock and transaction), and
// is processed before this returns, so the simulator shows the answer at once.
export async function simulateInput(scope: SimulatorScope, simulationId: string, rawInput: SimulationInput, options: { record?: boolean } = {}): Promise<SimulationRow> {
  const input = simulationInputSchema.parse(rawInput);
  const simulation = await loadSimulation(scope.database, scope.workspaceId, simulationId);
  const now = Date.now() + simulation.clock_offset_ms;
  const event = await eventFor(scope, simulation, input, now);
  // Processed right below, so the contact processor need not be woken for it.
  await storeEvents(scope.database, { id: simulation.channel_id, workspaceId: scope.workspaceId }, [event], { wake: false });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending: PendingHttpRequest[] = [];
    await processContact({ database: scope.database, queue: scope.queue, onCommitted: (after) => pending.push(...after.httpRequests) }, simulation.channel_id, simulation.external_id);
    if (pending.length === 0) break;
    for (const request of pending) await runHttpRequest(scope.database, request);
  }
  // The setup's own start belongs to the setup, not to the inputs a test case replays.
  if (options.record !== false) await recordInput(scope, simulation.id, input, simulation.bot_messages);
  return simulation;
}

// The input with the replies it got, for "save as test case". A wake-up is kept as "fire what is
// pending": its key is an internal detail a re-run may number differently.
async function recordInput(scope: SimulatorScope, simulationId: string, input: SimulationInput, before: number): Promise<void> {
  const rows = await scope.database.query<Parameters<typeof toSimulatorMessage>[0]>(
    `select m.id, m.direction, m.content, m.status, m.error, m.node_id from messages m join simulations s on s.contact_id = m.contact_id
     where s.id = $1 and m.direction = 'outbound' order by m.seq offset $2`,
    [simulationId, before],
  );
  const replies = rows.map(toSimulatorMessage).map(replySummary);
  const kept: RecordedInput = { input: input.kind === "fire" ? { kind: "fire", timerKey: "pending" } : input, replies };
  await scope.database.query("update simulations set inputs = inputs || $2::jsonb where id = $1", [simulationId, JSON.stringify([kept])]);
}

export type RecordedInput = { input: SimulationInput; replies: string[] };

async function eventFor(scope: SimulatorScope, simulation: SimulationRow, input: SimulationInput, now: number): Promise<StoredEvent> {
  const contact = { externalId: simulation.external_id };
  const dedupeKey = `sim:${randomUUID()}`;
  if (input.kind === "message") return { dedupeKey, kind: "message", contact, timestamp: now, message: input.message };
  if (input.kind === "start") return startEvent(input.start, { dedupeKey, contact, now });
  const pendingOnly = input.timerKey === "pending";
  const [session] = await scope.database.query<{ id: string; timer_key: string | null }>(
    `select id, coalesce(state->'waiting'->>'timerKey', '') as timer_key from sessions
     where contact_id = $1 and status = 'waiting' order by updated_at desc limit 1`,
    [simulation.contact_id],
  );
  if (!session || !session.timer_key || (!pendingOnly && session.timer_key !== input.timerKey)) throw new DomainError("conflict", "That wake-up is no longer pending: the contact has moved on.");
  // The same dedupe key as the pg-boss job's own event: when the real job fires later it does nothing.
  return { kind: "timer", dedupeKey: `timer:${session.id}:${session.timer_key}`, contact, key: session.timer_key };
}

function startEvent(start: SimulationStart, base: { dedupeKey: string; contact: { externalId: string }; now: number }): StoredEvent {
  const { dedupeKey, contact, now } = base;
  switch (start.kind) {
    case "none":
      throw new DomainError("invalid", "Choose how the test contact starts.");
    case "message":
      return { dedupeKey, kind: "message", contact, timestamp: now, message: { text: start.text } };
    case "ref":
      return start.text
        ? { dedupeKey, kind: "message", contact, timestamp: now, message: { text: start.text }, ref: start.ref }
        : { dedupeKey, kind: "referral", contact, timestamp: now, ref: start.ref };
    case "tag":
      return { dedupeKey, kind: "simulator_start", contact, start: { type: "start", reason: "tag_added", tag: start.tag }, addTag: start.tag };
    case "node":
      return { dedupeKey, kind: "simulator_start", contact, start: { type: "start", reason: "manual", nodeId: start.nodeId, variables: start.variables } };
  }
}
