import { httpResultSchema, inboundMessageSchema, type EngineEvent, type InboundMessage } from "@/flows-runtime";
import type { SimulationContext } from "../simulator/simulation-context";
import { applyAction } from "./apply-actions";
import type { NormalisedEvent } from "../channels/channel-adapter";
import type { Queue } from "../queue/queue";
import { createContact, findContact, findOpenConversation, findOrCreateContact, openConversation, openConversationWithState, setOptOut, type ContactRecord } from "./contact-records";
import { graphForVersion, type WorkspaceRuntimeView } from "./flow-cache";
import type { AfterCommit, FlowRun, RuntimeChannel } from "./flow-run";
import { recordEntryPoint } from "../entry-points/record-entry-point";
import { recordArrival, type Arrived } from "./message-arrival";
import { pickFlow } from "./pick-flow";
import { reconcileStatus } from "./reconcile-status";
import { waitingSession } from "./contact-state";
import { runStep } from "./run-step";
import type { Tx } from "./transaction";

type EngineStartEvent = Extract<EngineEvent, { type: "start" }>;

// What inbound_events.payload holds: a normalised webhook event, or a synthetic one the runtime made
// (a timer that fired, an HTTP node's result) so it is ordered with the contact's messages.
export type StoredEvent =
  | NormalisedEvent
  // The simulator starting its flow the way a real contact could not type: "start here" at a node, a
  // tag being added, a manual start.
  | { kind: "simulator_start"; dedupeKey: string; contact: { externalId: string }; start: EngineStartEvent; addTag?: string }
  | { kind: "timer"; dedupeKey: string; contact: { externalId: string }; key: string }
  | { kind: "http_result"; dedupeKey: string; contact: { externalId: string }; requestId: string; result: unknown };

export type HandleDeps = {
  tx: Tx;
  queue: Queue | null;
  channel: RuntimeChannel;
  view: WorkspaceRuntimeView;
  after: AfterCommit;
  // Set for a simulator's test contact: only its flow version runs, on its simulated clock.
  simulation?: SimulationContext | null;
};

// One stored event for one contact. Returns the visible problems to record on the event (if any).
export async function handleEvent(deps: HandleDeps, event: StoredEvent): Promise<string[]> {
  const { tx, channel } = deps;
  const externalId = event.contact?.externalId;
  switch (event.kind) {
    case "status":
      await reconcileStatus(tx, channel.id, event);
      return [];
    case "echo":
    case "unknown":
      // Stored and visible on the channel; nothing to run.
      return [];
    case "unfollow": {
      if (!externalId) return [];
      const contact = await findOrCreateContact(tx, channel, externalId, event.contact?.profileName);
      await setOptOut(tx, contact, true);
      return [];
    }
    case "follow": {
      if (!externalId) return [];
      const contact = await findOrCreateContact(tx, channel, externalId, event.contact?.profileName, { at: simulatedNow(deps) });
      await setOptOut(tx, contact, false);
      if (!contact.isNew && !event.ref) return [];
      return startOrResume(deps, contact, { message: undefined, ref: event.ref, context: event.context, onlyNewContactTriggers: true, follow: true });
    }
    case "message":
    case "referral": {
      if (!externalId) return ["event without a contact id: nothing to answer"];
      const message = event.message ? inboundMessageSchema.parse(event.message) : undefined;
      const input: StartInput = { message, ref: event.ref, dedupeKey: event.dedupeKey, context: event.context };
      const arrived = await recordArrival(tx, channel, externalId, event.contact?.profileName, simulatedNow(deps), inboundRecord(input));
      const contact = arrived?.contact ?? (await createContact(tx, channel, externalId, event.contact?.profileName, { at: simulatedNow(deps) }));
      // Writing after the opt-out means they unblocked or resubscribed (Telegram, Viber...); a message
      // written before it and delivered late does not. Not on SMS: carriers keep a STOP until START.
      if (contact.optedOutAt && channel.type !== "sms" && (event.timestamp ?? Date.now()) > contact.optedOutAt.getTime()) {
        await setOptOut(tx, contact, false);
      }
      if (event.context) deps.after.interactions.push({ channelId: channel.id, context: event.context });
      return startOrResume(deps, contact, input, arrived ?? undefined);
    }
    case "simulator_start": {
      const contact = await findContact(tx, channel, event.contact.externalId);
      if (!contact || !deps.simulation) return ["simulator start for an unknown test contact"];
      return startSimulation(deps, contact, event);
    }
    case "timer":
    case "http_result": {
      if (!externalId) return [];
      const contact = await findContact(tx, channel, externalId);
      if (!contact) return [];
      const engineEvent: EngineEvent =
        event.kind === "timer"
          ? { type: "timer", key: event.key }
          : { type: "http_result", requestId: event.requestId, result: httpResultSchema.parse(event.result) };
      return resumeOnly(deps, contact, engineEvent);
    }
  }
}

type StartInput = {
  message: InboundMessage | undefined;
  ref: string | undefined;
  dedupeKey?: string;
  context?: Record<string, string>;
  onlyNewContactTriggers?: boolean;
  // A follow / subscribe: on LINE, whose add-friend links carry no ref, it is the entry point.
  follow?: boolean;
};

// The inbound message itself, for the inbox and the contact's timeline.
function inboundRecord(input: StartInput): object | undefined {
  return input.message || input.ref ? { ...input.message, ref: input.ref, dedupeKey: input.dedupeKey } : undefined;
}

// `opened`: the conversation and state recordArrival already found with the message stored.
async function startOrResume(deps: HandleDeps, contact: ContactRecord, input: StartInput, opened?: Pick<Arrived, "conversation" | "state">): Promise<string[]> {
  const { tx } = deps;
  const { conversation, state } = opened ?? (await openConversationWithState(tx, contact, inboundRecord(input)));
  const entryPoint =
    input.ref || (input.follow && deps.channel.type === "line")
      ? await recordEntryPoint(tx.query, { workspaceId: contact.workspaceId, channelId: contact.channelId, contactId: contact.contactId, ref: input.ref })
      : null;
  // A human has the conversation: the bot stays silent.
  if (conversation.botPaused) return [];
  const run = newRun(deps, contact, conversation, input.context);
  const view = deps.view;
  const { session, data } = state;
  if (session && input.message) {
    const target = view.flows.find((flow) => flow.versionId === session.versionId);
    // Sessions stay on the version they started on, even after a newer one is published.
    const graph = target?.graph ?? (await graphForVersion(tx, session.versionId));
    await runStep(run, view, { flowId: session.flowId, versionId: session.versionId, graph }, session, { type: "message", message: input.message }, data);
    return run.errors;
  }
  const picked = pickFlow(deps.simulation ? [deps.simulation.flow] : view.flows, { message: input.message, ref: input.ref, entryPoint, isNewContact: contact.isNew, onlyNewContactTriggers: input.onlyNewContactTriggers });
  if (!picked) return [];
  await runStep(run, view, picked.flow, null, picked.event, data);
  return run.errors;
}

async function resumeOnly(deps: HandleDeps, contact: ContactRecord, event: EngineEvent): Promise<string[]> {
  const conversation = await findOpenConversation(deps.tx, contact);
  if (!conversation || conversation.botPaused) return [];
  const run = newRun(deps, contact, conversation, undefined);
  const session = await waitingSession(deps.tx, contact.contactId);
  // No waiting session: the timer or result is stale (the contact moved on), and does nothing.
  if (!session) return [];
  const view = deps.view;
  const graph = await graphForVersion(deps.tx, session.versionId);
  await runStep(run, view, { flowId: session.flowId, versionId: session.versionId, graph }, session, event);
  return run.errors;
}

async function startSimulation(deps: HandleDeps, contact: ContactRecord, event: Extract<StoredEvent, { kind: "simulator_start" }>): Promise<string[]> {
  const simulation = deps.simulation!;
  const conversation = await openConversation(deps.tx, contact);
  const run = newRun(deps, contact, conversation, undefined);
  if (event.addTag) await applyAction(run, "", simulation.flow.flowId, { type: "add_tag", nodeId: "", tag: event.addTag });
  // A fresh start: whatever the test contact was waiting on is over.
  await deps.tx.query("update sessions set status = 'ended', updated_at = now() where contact_id = $1 and status = 'waiting'", [contact.contactId]);
  await runStep(run, deps.view, simulation.flow, null, event.start);
  return run.errors;
}

function simulatedNow(deps: HandleDeps): Date | undefined {
  return deps.simulation ? new Date(Date.now() + deps.simulation.clockOffsetMs) : undefined;
}

function newRun(deps: HandleDeps, contact: ContactRecord, conversation: FlowRun["conversation"], eventContext: Record<string, string> | undefined): FlowRun {
  const clockOffsetMs = deps.simulation?.clockOffsetMs ?? 0;
  return {
    tx: deps.tx,
    queue: deps.queue,
    channel: deps.channel,
    contact,
    conversation,
    eventContext,
    now: Date.now() + clockOffsetMs,
    clockOffsetMs,
    simulationId: deps.simulation?.id ?? null,
    errors: [],
    after: deps.after,
  };
}
