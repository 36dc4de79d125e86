import { z } from "zod";
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

// What the browser already holds of a simulation: its first `messages` messages and `steps` steps.
// Stored messages and steps never change (a simulation's replies are stored as sent), so an answer
// carries only what came after them: a tap's answer stays the same size however long the conversation.
export const knownPartsSchema = z.object({ messages: z.number().int().min(0), steps: z.number().int().min(0) });
export type KnownParts = z.infer<typeof knownPartsSchema>;

// Everything the simulator drawer shows, read back from what the runtime stored: the messages and steps
// after `known` (all of them without it), from `messagesFrom` and `stepsFrom` on. `loaded` is the
// simulation's row when the caller has just read it (its clock offset may not have changed since).
export async function simulationState(database: Pick<Database, "query">, workspaceId: string, simulationId: string, options: { loaded?: SimulationRow; known?: KnownParts } = {}) {
  const simulation = options.loaded ?? (await loadSimulation(database, workspaceId, simulationId));
  const known = options.known ?? { messages: 0, steps: 0 };
  // One statement: on PGlite every round trip waits its turn on the one connection.
  const [row] = await database.query<StateRow>(
    `with session as (
       select state, node_id, status, flow_id from sessions where contact_id = $1 order by updated_at desc, created_at desc limit 1
     )
     select
       (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'direction', direction, 'content', content, 'status', status, 'error', error, 'node_id', node_id) order by seq), '[]')
          from (select * from messages where contact_id = $1 order by seq offset $3) m) as messages,
       (select coalesce(jsonb_agg(jsonb_build_object('seq', seq, 'event', event, 'trace', trace, 'actions', actions, 'before', before, 'after', after, 'simulated_at', simulated_at) order by seq), '[]')
          from (select * from simulation_steps where simulation_id = $2 order by seq offset $4) st) as steps,
       (select to_jsonb(session) from session) as session,
       (select jsonb_build_object('fields', c.fields, 'tags', array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id order by t.name))
          from contacts c where c.id = $1) as contact,
       -- When the wake-up the session waits on is due: from the latest step that scheduled it.
       (select (action->>'at')::float8 from simulation_steps st, jsonb_array_elements(st.actions) with ordinality as a(action, n)
          where st.simulation_id = $2 and action->>'type' = 'schedule' and action->>'key' = (select state->'waiting'->>'timerKey' from session)
          order by st.seq desc, a.n desc limit 1) as wake_up_at`,
    [simulation.contact_id, simulation.id, known.messages, known.steps],
  );
  const { messages, steps, session, contact, wake_up_at } = row!;
  return {
    id: simulation.id,
    flowId: simulation.flow_id,
    versionId: simulation.flow_version_id,
    channel: simulation.channel_type,
    setup: simulation.setup,
    clock: { offsetMs: simulation.clock_offset_ms, now: Date.now() + simulation.clock_offset_ms },
    messagesFrom: known.messages,
    messages: messages.map(toSimulatorMessage),
    stepsFrom: known.steps,
    steps: steps.map((row): SimulatorStep => ({ seq: row.seq, event: row.event, trace: row.trace, actions: row.actions, before: row.before, after: row.after, simulatedAt: row.simulated_at })),
    session: session
      ? { status: session.status, nodeId: session.node_id, path: session.state.path, waiting: session.state.waiting, variables: session.state.variables, error: session.state.error }
      : null,
    contact: { fields: contact?.fields ?? {}, tags: contact?.tags ?? [] },
    pendingWakeUps: session?.status === "waiting" ? pendingWakeUps(session.state.waiting, wake_up_at) : [],
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
  wake_up_at: number | null;
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

// The wake-up the session waits on, with when it is due.
function pendingWakeUps(waiting: Waiting | null, at: number | null): PendingWakeUp[] {
  if (!waiting || waiting.for === "http" || !waiting.timerKey) return [];
  return [{ key: waiting.timerKey, nodeId: waiting.nodeId, kind: waiting.for === "timer" ? "wait" : "question timeout", at }];
}
