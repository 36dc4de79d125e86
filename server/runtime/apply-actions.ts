import { randomUUID } from "node:crypto";
import { render, type Action, type ChannelType, type OutboundMessage, type RenderedMessage } from "@/flows-runtime";
import { log } from "../log";
import type { FlowRun } from "./flow-run";
import { sendDecision, whatsappTemplatePayload, type SendDecision } from "./send-rules";

export const TIMER_QUEUE = "kaiwa.timer";
export const HTTP_TIMEOUT_QUEUE = "kaiwa.http-timeout";
// A result arrives this long after the request's own timeout at the latest, even if the process died.
const HTTP_TIMEOUT_GRACE_MS = 5_000;

export type TimerJob = { workspaceId: string; channelId: string; externalId: string; sessionId: string; key: string };
export type HttpTimeoutJob = { workspaceId: string; channelId: string; externalId: string; sessionId: string; requestId: string; timeoutMs: number };

// One engine action, written in the step's transaction. `jump` is handled by the caller (it starts
// another flow); `cancel` needs nothing: a timer that fires after its session moved on is stale,
// and the engine ignores a timer whose key the session is not waiting on.
export async function applyAction(run: FlowRun, sessionId: string, flowId: string, action: Exclude<Action, { type: "jump" }>): Promise<void> {
  const { tx, contact } = run;
  switch (action.type) {
    case "send":
      return queueSend(run, flowId, action);
    case "add_tag":
      return addTag(run, action.tag);
    case "remove_tag":
      await tx.query(
        "delete from contact_tags ct using tags t where ct.tag_id = t.id and ct.contact_id = $1 and t.workspace_id = $2 and t.name = $3",
        [contact.contactId, contact.workspaceId, action.tag],
      );
      return;
    case "set_field":
      await tx.query(
        "update contacts set fields = fields || jsonb_build_object($2::text, $3::jsonb), updated_at = now() where id = $1",
        [contact.contactId, action.field, JSON.stringify(action.value ?? null)],
      );
      return;
    case "schedule": {
      if (!run.queue) return void run.errors.push(`A wait at node ${action.nodeId} could not be scheduled: the job queue is disabled (KAIWA_QUEUE=false).`);
      const job: TimerJob = { workspaceId: contact.workspaceId, channelId: contact.channelId, externalId: contact.externalId, sessionId, key: action.key };
      // Sent through the transaction: the timer exists exactly when the session that waits on it does.
      // pg-boss keeps real time; a simulation's clock may run ahead of it.
      await run.queue.send(TIMER_QUEUE, job, { startAfter: new Date(Math.max(action.at, run.now) - run.clockOffsetMs), db: run.tx.executor });
      return;
    }
    case "cancel":
      return;
    case "http_request": {
      run.after.httpRequests.push({ channel: run.channel, externalId: contact.externalId, sessionId, requestId: action.requestId, request: action.request });
      if (run.queue) {
        const job: HttpTimeoutJob = {
          workspaceId: contact.workspaceId,
          channelId: contact.channelId,
          externalId: contact.externalId,
          sessionId,
          requestId: action.requestId,
          timeoutMs: action.request.timeoutMs,
        };
        // If this process dies before the call returns, the flow still leaves by its failure port.
        await run.queue.send(HTTP_TIMEOUT_QUEUE, job, { startAfter: new Date(run.now - run.clockOffsetMs + action.request.timeoutMs + HTTP_TIMEOUT_GRACE_MS), db: run.tx.executor });
      }
      return;
    }
    case "handoff":
      await tx.query(
        `update conversations set bot_paused = true, team = coalesce($2, team),
           assignee_user_id = coalesce((select id from users where id::text = $3), assignee_user_id), updated_at = now()
         where id = $1`,
        [run.conversation.id, action.team ?? null, action.assignee ?? ""],
      );
      run.conversation.botPaused = true;
      return;
    case "end":
      if (action.closeConversation) {
        await tx.query("update conversations set status = 'closed', closed_at = now(), updated_at = now() where id = $1", [run.conversation.id]);
      }
      return;
    case "error":
      log.warn("flow error", { flowId, sessionId, nodeId: action.nodeId, code: action.code, message: action.message });
      run.errors.push(`${action.code}${action.nodeId ? ` at node ${action.nodeId}` : ""}: ${action.message}`);
      return;
  }
}

// Finds the tag without writing to its row: an upsert's `do update` would lock the one row every
// contact's step touches until commit, and serialise every contact tagged with it (the onboarding
// survey tags everyone). Only a tag's first use inserts; losing that insert race to another
// transaction leaves `found` 0, and the retry, in a new snapshot, sees the winner's row.
export async function addTag(run: FlowRun, tag: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await run.tx.query<{ found: number }>(
      `with existing as (
         select id from tags where workspace_id = $1 and name = $2
       ), inserted as (
         insert into tags (workspace_id, name) select $1, $2 where not exists (select 1 from existing)
         on conflict (workspace_id, name) do nothing returning id
       ), tag as (
         select id from existing union all select id from inserted
       ), linked as (
         insert into contact_tags (workspace_id, contact_id, tag_id) select $1, $3, tag.id from tag on conflict do nothing
       )
       select count(*)::int as found from tag`,
      [run.contact.workspaceId, tag, run.contact.contactId],
    );
    if ((row?.found ?? 0) > 0) return;
  }
  throw new Error(`tag "${tag}" could not be found or created`);
}

// A message the step sends, as stored: queued with its outbox payload, failed with the reason a
// channel rule refused it, or (the simulator's, which no platform receives) sent as it is stored; with
// whose message it is, so one statement can store several contacts'.
export type OutboundRow = {
  id: string;
  workspace_id: string;
  contact_id: string;
  conversation_id: string;
  channel_id: string;
  flow_id: string;
  node_id: string;
  status: "queued" | "failed" | "sent";
  content: object;
  outbox: object | null;
  error: string | null;
};

// One outbound message per payload render() made, each with its outbox row (the message id is the
// idempotency key). A send the channel's rules forbid is stored as a visible failure, not queued. A
// simulation's reply is rendered and checked against the rules like any other, then stored as sent:
// the outbox would only mark it so, a few statements later, while the simulator waits for them.
export function outboundRows(run: FlowRun, flowId: string, action: Extract<Action, { type: "send" }>): OutboundRow[] {
  const decision = sendDecision(run.channel, run.contact, run.now);
  const rendered = renderFor(decision, action.message, run.channel.type);
  const refusal = decision.kind === "refused" ? decision.reason : null;
  if (refusal) log.info("send refused by channel rules", { channelId: run.channel.id, contactId: run.contact.contactId, reason: refusal });
  const context = { ...run.eventContext, ...(decision.kind === "tag" ? { messageTag: decision.tag } : {}) };
  const oneToOne = rendered.parts.length === rendered.payloads.length;
  const owner = { workspace_id: run.contact.workspaceId, contact_id: run.contact.contactId, conversation_id: run.conversation.id, channel_id: run.channel.id, flow_id: flowId };
  return rendered.payloads.map((payload, index) => {
    const parts = oneToOne ? [rendered.parts[index]] : index === 0 ? rendered.parts : [];
    const content = { text: action.message.text, parts, payload, ...(index === 0 && rendered.degraded.length > 0 ? { degraded: rendered.degraded } : {}) };
    const simulated = run.simulationId !== null;
    const outbox = refusal || simulated ? null : { to: run.contact.externalId, payload, ...(Object.keys(context).length > 0 ? { context } : {}) };
    if (outbox) run.after.outbound += 1;
    return { id: randomUUID(), ...owner, node_id: action.nodeId, status: refusal ? "failed" : simulated ? "sent" : "queued", content, outbox, error: refusal };
  });
}

// Stores outbound messages in the order of `rows` (a JSON array of OutboundRow), with the outbox rows
// of those queued. A fragment of WITH, shared with writeStep.
export function outboundCtes(rows: string): string {
  return `outbound as (
    select * from rows from (
      jsonb_to_recordset(${rows}::jsonb)
        as (id uuid, workspace_id uuid, contact_id uuid, conversation_id uuid, channel_id uuid, flow_id uuid, node_id text, status text, content jsonb, outbox jsonb, error text)
    ) with ordinality as o(id, workspace_id, contact_id, conversation_id, channel_id, flow_id, node_id, status, content, outbox, error, position)
  ), stored_messages as (
    insert into messages (id, workspace_id, conversation_id, contact_id, channel_id, direction, status, content, flow_id, node_id, error, created_at)
    select o.id, o.workspace_id, o.conversation_id, o.contact_id, o.channel_id, 'outbound', o.status, o.content, o.flow_id, o.node_id, o.error, clock_timestamp()
    from outbound o order by o.position
    returning id
  ), queued as (
    insert into outbox (workspace_id, message_id, channel_id, contact_id, payload, idempotency_key)
    select o.workspace_id, o.id, o.channel_id, o.contact_id, o.outbox, o.id::text from outbound o join stored_messages m on m.id = o.id
    where o.outbox is not null order by o.position
  )`;
}

async function queueSend(run: FlowRun, flowId: string, action: Extract<Action, { type: "send" }>): Promise<void> {
  const rows = outboundRows(run, flowId, action);
  if (rows.length > 0) await run.tx.query(`with ${outboundCtes("$1")} select 1`, [JSON.stringify(rows)]);
}

// Outside WhatsApp's window the message goes out as the channel's approved template instead: one
// payload carrying the text, without buttons or media (recorded as degraded, so it shows).
function renderFor(decision: SendDecision, message: OutboundMessage, type: ChannelType): Omit<RenderedMessage, "channel"> {
  const rendered = render(message, type);
  if (decision.kind !== "template") return rendered;
  return {
    parts: rendered.parts,
    payloads: [whatsappTemplatePayload(decision, message)],
    degraded: [
      ...rendered.degraded,
      { code: "outside_window_template", message: `Sent as the template "${decision.templateName}": the 24-hour window had closed.` },
    ],
  };
}
