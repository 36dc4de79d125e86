import type { Action, StepResult } from "@/flows-runtime";
import { addTag, applyAction, OUTBOUND_CTES, outboundParams, outboundRows, type OutboundRow } from "./apply-actions";
import type { FlowRun } from "./flow-run";
import type { StoredSession } from "./contact-state";

type StepTarget = { flowId: string; versionId: string };

// What a step writes, after the engine ran: its session and its actions, returning the session's id.
// The common steps (messages, field values, tags, the end of a conversation) take one statement, which
// is what a burst costs on PostgreSQL (DESIGN.md section 4); a step with any other action (a timer, an
// HTTP call, a handoff, a removed tag) writes its session by the same statement, then action by action,
// in the engine's order.
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

async function writeStepAtOnce(run: FlowRun, target: StepTarget, prior: StoredSession | null, state: StepResult["session"], actions: Action[]): Promise<string> {
  const outbound: OutboundRow[] = [];
  // No prototype: a field may be called anything, "__proto__" included.
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const tags = new Set<string>();
  let closeConversation = false;
  for (const action of actions) {
    if (action.type === "send") outbound.push(...outboundRows(run, action, outbound.length));
    else if (action.type === "set_field") fields[action.field] = action.value ?? null;
    else if (action.type === "add_tag") tags.add(action.tag);
    else if (action.type === "end") closeConversation ||= action.closeConversation === true;
  }
  const hasFields = Object.keys(fields).length > 0;
  const nodeId = state.waiting?.nodeId ?? state.path.at(-1) ?? null;
  const sessionCte = prior
    ? `update sessions set state = $12::jsonb, status = $13, node_id = $14, version = version + 1, updated_at = now() where id = $10 and version = $11 returning id`
    : `insert into sessions (workspace_id, contact_id, flow_id, flow_version_id, status, node_id, state) values ($1, $2, $5, $10, $11, $12, $13::jsonb) returning id`;
  const sessionParams = prior ? [prior.id, prior.version, JSON.stringify(state), state.status, nodeId] : [target.versionId, state.status, nodeId, JSON.stringify(state)];
  const [row] = await run.tx.query<{ session_id: string | null; tags_found: number }>(
    `with saved_session as (${sessionCte}),
     ${OUTBOUND_CTES},
     field_values as (update contacts set fields = fields || $7::jsonb, updated_at = now() where id = $2 and $7::jsonb is not null),
     tag_names as (select distinct unnest($8::text[]) as name),
     existing_tags as (select id from tags where workspace_id = $1 and name in (select name from tag_names)),
     inserted_tags as (
       insert into tags (workspace_id, name) select $1, n.name from tag_names n
       where not exists (select 1 from tags t where t.workspace_id = $1 and t.name = n.name)
       on conflict (workspace_id, name) do nothing returning id
     ),
     linked_tags as (
       insert into contact_tags (workspace_id, contact_id, tag_id)
       select $1, $2, id from (select id from existing_tags union all select id from inserted_tags) t on conflict do nothing
     ),
     closed as (update conversations set status = 'closed', closed_at = now(), updated_at = now() where id = $3 and $9::boolean)
     select (select id from saved_session) as session_id, ((select count(*) from existing_tags) + (select count(*) from inserted_tags))::int as tags_found`,
    [...outboundParams(run, target.flowId, outbound), hasFields ? JSON.stringify(fields) : null, [...tags], closeConversation, ...sessionParams],
  );
  // The version check catches a writer that slipped past the per-contact lock: throwing rolls the
  // whole step back, and the event is processed again from fresh state.
  if (!row?.session_id) throw new Error(`session ${prior?.id} was changed by another writer`);
  // A tag's first use raced another transaction's and lost: the one-by-one path retries in a new snapshot.
  if ((row.tags_found ?? 0) < tags.size) for (const tag of tags) await addTag(run, tag);
  for (const action of actions) if (action.type === "error") await applyAction(run, row.session_id, target.flowId, action);
  return row.session_id;
}
