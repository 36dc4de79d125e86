import type { Action, RenderedPart, Session, TraceEntry, Waiting } from "@/flows-runtime";
import type { Database } from "../db/client";
import { loadSimulation, type SimulationRow } from "./load-simulation";
import type { SimulationSnapshot } from "./record-simulation-step";

export type SimulatorMessage = {
  id: string;
  from: "contact" | "bot";
  text: string;
  // Bot messages: what the channel shows (buttons, list, numbered text...) and what render() degraded.
  parts: RenderedPart[];
  degraded: { code: string; message: string }[];
  payload?: string;
  media?: { kind: string; url?: string };
  location?: { latitude: number; longitude: number; name?: string };
  status: string;
  error: string | null;
  nodeId: string | null;
};

export type SimulatorStep = {
  seq: number;
  event: Record<string, unknown>;
  trace: TraceEntry[];
  actions: Action[];
  before: SimulationSnapshot;
  after: SimulationSnapshot & { status?: string; waiting?: Waiting | null; path?: string[] };
  simulatedAt: number;
};

export type PendingWakeUp = { key: string; nodeId: string; kind: "wait" | "question timeout"; at: number | null };

// Everything the simulator drawer shows, read back from what the runtime stored. `loaded` is the
// simulation's row when the caller has just read it (its clock offset may not have changed since).
export async function simulationState(database: Pick<Database, "query">, workspaceId: string, simulationId: string, loaded?: SimulationRow) {
  const simulation = loaded ?? (await loadSimulation(database, workspaceId, simulationId));
  // One statement: on PGlite every round trip waits its turn on the one connection.
  const [row] = await database.query<StateRow>(
    `select
       (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'direction', direction, 'content', content, 'status', status, 'error', error, 'node_id', node_id) order by seq), '[]')
          from messages where contact_id = $1) as messages,
       (select coalesce(jsonb_agg(jsonb_build_object('seq', seq, 'event', event, 'trace', trace, 'actions', actions, 'before', before, 'after', after, 'simulated_at', simulated_at) order by seq), '[]')
          from simulation_steps where simulation_id = $2) as steps,
       (select to_jsonb(s) from (
          select state, node_id, status, flow_id from sessions where contact_id = $1 order by updated_at desc, created_at desc limit 1
        ) s) as session,
       (select jsonb_build_object('fields', c.fields, 'tags', array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id order by t.name))
          from contacts c where c.id = $1) as contact`,
    [simulation.contact_id, simulation.id],
  );
  const { messages, steps, session, contact } = row!;
  const stepRows: SimulatorStep[] = steps.map((row) => ({ seq: row.seq, event: row.event, trace: row.trace, actions: row.actions, before: row.before, after: row.after, simulatedAt: row.simulated_at }));
  return {
    id: simulation.id,
    flowId: simulation.flow_id,
    versionId: simulation.flow_version_id,
    channel: simulation.channel_type,
    setup: simulation.setup,
    clock: { offsetMs: simulation.clock_offset_ms, now: Date.now() + simulation.clock_offset_ms },
    messages: messages.map(toSimulatorMessage),
    steps: stepRows,
    session: session
      ? { status: session.status, nodeId: session.node_id, path: session.state.path, waiting: session.state.waiting, variables: session.state.variables, error: session.state.error }
      : null,
    contact: { fields: contact?.fields ?? {}, tags: contact?.tags ?? [] },
    pendingWakeUps: session?.status === "waiting" ? pendingWakeUps(session.state.waiting, stepRows) : [],
  };
}

export type SimulationState = Awaited<ReturnType<typeof simulationState>>;

type MessageRow = { id: string; direction: string; content: Record<string, unknown>; status: string; error: string | null; node_id: string | null };
type StepRow = { seq: number; event: Record<string, unknown>; trace: TraceEntry[]; actions: Action[]; before: SimulationSnapshot; after: SimulatorStep["after"]; simulated_at: number };
type StateRow = {
  messages: MessageRow[];
  steps: StepRow[];
  session: { state: Session; node_id: string | null; status: string; flow_id: string } | null;
  contact: { fields: Record<string, unknown>; tags: string[] } | null;
};

export function toSimulatorMessage(row: MessageRow): SimulatorMessage {
  const content = row.content as {
    text?: string;
    parts?: (RenderedPart | null)[];
    degraded?: { code: string; message: string }[];
    payload?: unknown;
    media?: SimulatorMessage["media"];
    location?: SimulatorMessage["location"];
  };
  const inbound = row.direction === "inbound";
  return {
    id: row.id,
    from: inbound ? "contact" : "bot",
    text: content.text ?? "",
    parts: inbound ? [] : (content.parts ?? []).filter((part): part is RenderedPart => part !== null),
    degraded: content.degraded ?? [],
    ...(inbound && typeof content.payload === "string" ? { payload: content.payload } : {}),
    ...(content.media ? { media: content.media } : {}),
    ...(content.location ? { location: content.location } : {}),
    status: row.status,
    error: row.error,
    nodeId: row.node_id,
  };
}

// The wake-up the session waits on, with when it is due (from the step that scheduled it).
function pendingWakeUps(waiting: Waiting | null, steps: SimulatorStep[]): PendingWakeUp[] {
  if (!waiting || waiting.for === "http" || !waiting.timerKey) return [];
  const key = waiting.timerKey;
  const scheduled = steps
    .flatMap((step) => step.actions)
    .filter((action): action is Extract<Action, { type: "schedule" }> => action.type === "schedule" && action.key === key)
    .at(-1);
  return [{ key, nodeId: waiting.nodeId, kind: waiting.for === "timer" ? "wait" : "question timeout", at: scheduled?.at ?? null }];
}
