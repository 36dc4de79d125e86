import { randomUUID } from "node:crypto";
import type { Action, StepResult } from "@/flows-runtime";
import { addTag, applyAction, outboundCtes, outboundRows, type OutboundRow } from "./apply-actions";
import type { FlowRun } from "./flow-run";
import type { StoredSession } from "./contact-state";
import type { Tx } from "./transaction";
import { batchPerTurn } from "./turn-batch";

type StepTarget = { flowId: string; versionId: string };

// What a step writes, after the engine ran: its session and its actions, returning the session's id.
// The common steps (messages, field values, tags, the end of a conversation) take one statement,
// shared with the other contacts of the transaction writing theirs in the same turn, which is what a
// burst costs on PostgreSQL (DESIGN.md section 4); a step with any other action (a timer, an HTTP call,
// a handoff, a removed tag) writes its session by that statement, then action by action, in the
// engine's order.
export async function writeStep(run: FlowRun, target: StepTarget, prior: StoredSession | null, state: StepResult["session"], actions: Action[]): Promise<string> {
  if (actions.every((action) => ONE_STATEMENT_ACTIONS.has(action.type))) return writeStepAtOnce(run, target, prior, state, actions);
  const sessionId = await writeStepAtOnce(run, target, prior, state, []);
  for (const action of actions) {
    if (action.type !== "jump") await applyAction(run, sessionId, target.flowId, action);
  }
  return sessionId;
}

// Their effects do not depend on each other's order: messages keep theirs, later field values win, and
// tags are only added. `jump` is the caller's; `cancel` needs nothing.
const ONE_STATEMENT_ACTIONS = new Set<Action["type"]>(["send", "set_field", "add_tag", "end", "cancel", "error", "jump"]);

// One contact's step as the statement takes it (a row of jsonb_to_recordset).
type StepRow = {
  workspace_id: string;
  contact_id: string;
  conversation_id: string;
  flow_id: string;
  version_id: string;
  // A new session's id is chosen here, so the statement need not map inserted rows back to steps.
  session_id: string;
  prior_version: number | null;
  state: StepResult["session"];
  status: string;
  node_id: string | null;
  fields: Record<string, unknown> | null;
  tags: string[];
  close: boolean;
};

async function writeStepAtOnce(run: FlowRun, target: StepTarget, prior: StoredSession | null, state: StepResult["session"], actions: Action[]): Promise<string> {
  const outbound: OutboundRow[] = [];
  // No prototype: a field may be called anything, "__proto__" included.
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const tags = new Set<string>();
  let close = false;
  for (const action of actions) {
    if (action.type === "send") outbound.push(...outboundRows(run, target.flowId, action));
    else if (action.type === "set_field") fields[action.field] = action.value ?? null;
    else if (action.type === "add_tag") tags.add(action.tag);
    else if (action.type === "end") close ||= action.closeConversation === true;
  }
  const step: StepRow = {
    workspace_id: run.contact.workspaceId,
    contact_id: run.contact.contactId,
    conversation_id: run.conversation.id,
    flow_id: target.flowId,
    version_id: target.versionId,
    session_id: prior?.id ?? randomUUID(),
    prior_version: prior?.version ?? null,
    state,
    status: state.status,
    node_id: state.waiting?.nodeId ?? state.path.at(-1) ?? null,
    fields: Object.keys(fields).length > 0 ? fields : null,
    tags: [...tags],
    close,
  };
  const written = await writeSteps(run.tx, { step, outbound });
  // The version check catches a writer that slipped past the per-contact lock: throwing rolls the
  // whole step back, and the event is processed again from fresh state.
  if (!written.saved) throw new Error(`session ${prior?.id} was changed by another writer`);
  // A tag's first use raced another transaction's and lost: the one-by-one path retries in a new snapshot.
  if (written.tagsFound < tags.size) for (const tag of tags) await addTag(run, tag);
  for (const action of actions) if (action.type === "error") await applyAction(run, step.session_id, target.flowId, action);
  return step.session_id;
}

const writeSteps = batchPerTurn(async (tx: Tx, inputs: { step: StepRow; outbound: OutboundRow[] }[]): Promise<{ saved: boolean; tagsFound: number }[]> => {
  const rows = await tx.query<{ n: number; saved: boolean; tags_found: number }>(
    `with step as (
       select * from jsonb_to_recordset($1::jsonb) as s(
         n int, workspace_id uuid, contact_id uuid, conversation_id uuid, flow_id uuid, version_id uuid, session_id uuid,
         prior_version int, state jsonb, status text, node_id text, fields jsonb, tags text[], close boolean)
     ), updated_sessions as (
       update sessions se set state = s.state, status = s.status, node_id = s.node_id, version = se.version + 1, updated_at = now()
       from step s where s.prior_version is not null and se.id = s.session_id and se.version = s.prior_version
       returning se.id
     ), inserted_sessions as (
       insert into sessions (id, workspace_id, contact_id, flow_id, flow_version_id, status, node_id, state)
       select s.session_id, s.workspace_id, s.contact_id, s.flow_id, s.version_id, s.status, s.node_id, s.state from step s where s.prior_version is null
       returning id
     ),
     ${outboundCtes("$2")},
     field_values as (
       update contacts c set fields = c.fields || s.fields, updated_at = now() from step s where c.id = s.contact_id and s.fields is not null
     ),
     step_tags as (select distinct s.n, s.workspace_id, s.contact_id, t.name from step s cross join lateral unnest(s.tags) as t(name)),
     tag_names as (select distinct workspace_id, name from step_tags),
     existing_tags as (select t.id, t.workspace_id, t.name from tags t join tag_names n on n.workspace_id = t.workspace_id and n.name = t.name),
     inserted_tags as (
       insert into tags (workspace_id, name) select n.workspace_id, n.name from tag_names n
       where not exists (select 1 from tags t where t.workspace_id = n.workspace_id and t.name = n.name)
       on conflict (workspace_id, name) do nothing returning id, workspace_id, name
     ),
     step_tag_ids as (
       select st.n, st.workspace_id, st.contact_id, t.id from step_tags st
       join (select * from existing_tags union all select * from inserted_tags) t on t.workspace_id = st.workspace_id and t.name = st.name
     ),
     linked_tags as (
       insert into contact_tags (workspace_id, contact_id, tag_id) select workspace_id, contact_id, id from step_tag_ids on conflict do nothing
     ),
     closed as (
       update conversations c set status = 'closed', closed_at = now(), updated_at = now() from step s where c.id = s.conversation_id and s.close
     )
     select s.n,
       s.session_id in (select id from updated_sessions union all select id from inserted_sessions) as saved,
       (select count(*) from step_tag_ids t where t.n = s.n)::int as tags_found
     from step s`,
    [JSON.stringify(inputs.map((input, n) => ({ n, ...input.step }))), JSON.stringify(inputs.flatMap((input) => input.outbound))],
  );
  const written = inputs.map(() => ({ saved: false, tagsFound: 0 }));
  for (const row of rows) written[row.n] = { saved: row.saved, tagsFound: row.tags_found };
  return written;
});
