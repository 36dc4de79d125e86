import { expect } from "vitest";
import type { EditorDocument } from "@/flows-runtime";
import { publishFlow } from "../../api/routers/flows/publish-flow";
import { forgetWorkspaceView } from "../../runtime/flow-cache";
import type { Harness } from "../../runtime/testing/runtime-harness";

// What the channels' end-to-end webhook tests (line/viber/wechat/sms-webhook.test.ts) read back from
// the database after real HTTP requests: what a user of Kaiwa would see on the Contacts, Inbox and
// Channels pages.

export type StoredCounts = { events: number; contacts: number; messages: number };

export async function storedCounts(harness: Harness): Promise<StoredCounts> {
  const [row] = await harness.database.query<StoredCounts>(
    `select (select count(*)::int from inbound_events) as events, (select count(*)::int from contacts) as contacts,
       (select count(*)::int from messages) as messages`,
  );
  return row!;
}

export async function lastError(harness: Harness, channelId: string): Promise<string | null> {
  const [row] = await harness.database.query<{ last_error: string | null }>("select last_error from channels where id = $1", [channelId]);
  return row?.last_error ?? null;
}

// A refused webhook (401/403) must leak nothing, store nothing, and say on the channel that it was refused.
export async function expectRefused(
  harness: Harness,
  channelId: string,
  requests: (() => Promise<{ status: number; body: string }>)[],
  secrets: string[],
): Promise<void> {
  const before = await storedCounts(harness);
  for (const request of requests) {
    await harness.database.query("update channels set last_error = null where id = $1", [channelId]);
    const response = await request();
    expect([401, 403]).toContain(response.status);
    for (const secret of secrets) expect(response.body).not.toContain(secret);
    const problem = await lastError(harness, channelId);
    expect(problem).toMatch(/refused/i);
    for (const secret of secrets) expect(problem).not.toContain(secret);
  }
  expect(await storedCounts(harness)).toEqual(before);
}

export type StoredEventRow = { dedupe_key: string; kind: string; error: string | null; payload: { ref?: string; note?: string } };

export async function inboundEvents(harness: Harness, channelId: string, dedupeKeys: string[]): Promise<StoredEventRow[]> {
  return harness.database.query<StoredEventRow>(
    "select dedupe_key, kind, error, payload from inbound_events where channel_id = $1 and dedupe_key = any($2::text[]) order by seq",
    [channelId, dedupeKeys],
  );
}

export type ContactMessageRow = { id: string; text: string | null; status: string; error: string | null; external_id: string | null };

// One contact's outbound messages on one channel, oldest first.
export async function sentTo(harness: Harness, channelId: string, externalId: string): Promise<ContactMessageRow[]> {
  return harness.database.query<ContactMessageRow>(
    `select m.id, m.content->>'text' as text, m.status, m.error, m.external_id from messages m
     join contact_identities ci on ci.contact_id = m.contact_id and ci.channel_id = m.channel_id
     where m.channel_id = $1 and ci.external_id = $2 and m.direction = 'outbound' order by m.seq`,
    [channelId, externalId],
  );
}

export type ContactRow = { opted_out: boolean; fields: Record<string, unknown>; tags: string[] };

export async function contactOf(harness: Harness, channelId: string, externalId: string): Promise<ContactRow | undefined> {
  const [row] = await harness.database.query<ContactRow>(
    `select ci.opted_out_at is not null as opted_out, c.fields,
       array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id order by t.name) as tags
     from contact_identities ci join contacts c on c.id = ci.contact_id where ci.channel_id = $1 and ci.external_id = $2`,
    [channelId, externalId],
  );
  return row;
}

// harness.settle() stops at sends due within a second; a send backing off after a 429/500 is due
// later. This waits until no send is left pending at all (vitest's test timeout bounds it).
export async function settleWithRetries(harness: Harness): Promise<void> {
  for (;;) {
    await harness.settle();
    const [row] = await harness.database.query<{ n: number }>("select count(*)::int as n from outbox where status in ('pending', 'sending')");
    if (row!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The demo's onboarding survey answers any first message; to see follow/subscribe greetings and
// deep-link refs, its trigger also gets "new contact / follow" and these refs, as a marketer would set
// them in the builder, and is published again.
export async function greetFollowersWithSurvey(harness: Harness, refs: string[]): Promise<void> {
  const [flow] = await harness.database.query<{ id: string; document: EditorDocument }>(
    "select id, document from flows where workspace_id = $1 and is_default",
    [harness.workspaceId],
  );
  const document = flow!.document;
  const start = document.nodes.start!;
  document.nodes.start = { ...start, data: { ...(start.data as Record<string, unknown>), newContact: true, refs } } as typeof start;
  await harness.database.query("update flows set document = $2::jsonb where id = $1", [flow!.id, JSON.stringify(document)]);
  const ctx = { database: harness.database, queue: harness.kaiwa.queue, workspaceId: harness.workspaceId, userId: harness.ownerId };
  await publishFlow({ ctx, input: { id: flow!.id } });
  forgetWorkspaceView(harness.database, harness.workspaceId);
}

export const surveyWelcome = (name = "there") => `Hi ${name}! Welcome! Three quick questions so we can help you better.`;
export const surveyFirstQuestion = "What brings you here?";
export const surveyChoices = ["Pricing and plans", "Help with my account", "Just looking around"];
export const companySizeQuestion = "How many people work at your company?";
