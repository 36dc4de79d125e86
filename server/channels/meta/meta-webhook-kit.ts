import { expect } from "vitest";
import type { ChannelType } from "@/flows-runtime";
import { outboundMessages, startHarness, type Harness, type OutboundRow } from "../../runtime/testing/runtime-harness";
import type { FakeApi, RecordedRequest } from "../testing/fake-api-server";
import { lastError, storedCounts, surveyChoices, surveyFirstQuestion, surveyWelcome } from "../testing/webhook-test-kit";
import { metaTestKit } from "./meta-test-kit";

// End-to-end webhook tests for the Meta channels (WhatsApp, Messenger, Instagram): the real runtime and
// webhook HTTP server (startHarness) in front of the channel's local fake send API.
export type MetaWebhookSetup = {
  type: Extract<ChannelType, "whatsapp" | "messenger" | "instagram">;
  credentials: { appSecret: string; verifyToken: string; [field: string]: string };
  startFakeApi: () => Promise<FakeApi>;
  // Who a send request is addressed to (`to` / `recipient.id`) and the text it shows.
  recipientOf: (json: unknown) => string | undefined;
  textOf: (json: unknown) => string | undefined;
};

export type MetaWebhookKit = { harness: Harness; api: FakeApi; newChannel: () => Promise<MetaTestChannel>; close: () => Promise<void> };

export type ContactRow = { external_id: string; profile_name: string | null; display_name: string | null; first_name: string | null };
export type EventRow = { kind: string; dedupe_key: string; note: string | null; processed: boolean; error: string | null };

export type MetaTestChannel = {
  id: string;
  // Signed with the app secret over exactly these bytes, as Meta signs them.
  post: (body: string) => Promise<{ status: number; body: string }>;
  postWithHeaders: (body: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>;
  handshake: (query: Record<string, string>) => Promise<{ status: number; body: string }>;
  // Send requests the fake API answered 200 since this channel was created (tests run one at a time).
  delivered: () => RecordedRequest[];
  // Every send request since this channel was created, failed ones included.
  requests: () => RecordedRequest[];
  textsTo: (externalId: string) => (string | undefined)[];
  outbound: () => Promise<OutboundRow[]>;
  contacts: () => Promise<ContactRow[]>;
  events: () => Promise<EventRow[]>;
  lastError: () => Promise<string | null>;
  // settle(), and also until retries scheduled further ahead than settle() looks have been made.
  drainOutbox: () => Promise<void>;
};

export async function startMetaWebhookKit(setup: MetaWebhookSetup): Promise<MetaWebhookKit> {
  const harness = await startHarness();
  const api = await setup.startFakeApi();
  const newChannel = async (): Promise<MetaTestChannel> => {
    // A channel per test: its contacts, sessions and statuses start empty, so fixtures can be reused.
    const id = await harness.createChannel(setup.type, setup.credentials, api.url);
    const firstRequest = api.requests.length;
    const requests = () => api.requests.slice(firstRequest);
    const delivered = () => requests().filter((request) => request.status === 200);
    const headers = { "content-type": "application/json" };
    return {
      id,
      post: (body) => harness.post(setup.type, id, body, { ...headers, "x-hub-signature-256": metaTestKit.sign(body, setup.credentials.appSecret) }),
      postWithHeaders: (body, extra) => harness.post(setup.type, id, body, { ...headers, ...extra }),
      handshake: (query) => harness.get(setup.type, id, `?${new URLSearchParams(query).toString()}`),
      delivered,
      requests,
      textsTo: (externalId) => delivered().filter((r) => setup.recipientOf(r.json) === externalId).map((r) => setup.textOf(r.json)),
      outbound: () => outboundMessages(harness.database, id),
      contacts: () =>
        harness.database.query<ContactRow>(
          `select ci.external_id, ci.profile_name, c.display_name, c.fields->>'first_name' as first_name
           from contact_identities ci join contacts c on c.id = ci.contact_id where ci.channel_id = $1 order by ci.external_id`,
          [id],
        ),
      events: () =>
        harness.database.query<EventRow>(
          `select kind, dedupe_key, payload->>'note' as note, processed_at is not null as processed, error
           from inbound_events where channel_id = $1 order by seq`,
          [id],
        ),
      lastError: () => lastError(harness, id),
      drainOutbox: async () => {
        for (let i = 0; i < 300; i++) {
          await harness.settle();
          const [row] = await harness.database.query<{ n: number }>("select count(*)::int as n from outbox where channel_id = $1 and status in ('pending', 'sending')", [id]);
          if (row!.n === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error("the outbox still had pending sends after 30 s");
      },
    };
  };
  return {
    harness,
    api,
    newChannel,
    close: async () => {
      await harness.close();
      await api.close();
    },
  };
}

// The checks every Meta channel's webhook must pass identically; each test file calls them in its own test.
export const metaWebhookChecks = {
  // Meta's GET ?hub.mode=subscribe: the right verify token gets hub.challenge back, a wrong one 403 and no echo.
  async handshake(channel: MetaTestChannel, verifyToken: string): Promise<void> {
    const challenge = "1158201444";
    const right = await channel.handshake({ "hub.mode": "subscribe", "hub.verify_token": verifyToken, "hub.challenge": challenge });
    expect(right).toEqual({ status: 200, body: challenge });
    const wrong = await channel.handshake({ "hub.mode": "subscribe", "hub.verify_token": `${verifyToken}x`, "hub.challenge": challenge });
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain(challenge);
    expect(wrong.body).not.toContain(verifyToken);
  },

  // `raw` must be a valid webhook with `\u00e4`-style and `\/` escapes. Wrong, missing and re-serialised
  // signatures are refused without storing anything or leaking the secret; then the same bytes with
  // Meta's signature are accepted, which shows the refusals were about the signature alone.
  async forgedSignatures(kit: MetaWebhookKit, channel: MetaTestChannel, raw: string, appSecret: string): Promise<void> {
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    const before = await storedCounts(kit.harness);
    const attempts: { body: string; headers: Record<string, string> }[] = [
      { body: raw, headers: { "x-hub-signature-256": metaTestKit.sign(raw, `${appSecret}-guess`) } },
      { body: raw, headers: {} },
      { body: reserialised, headers: { "x-hub-signature-256": metaTestKit.sign(raw, appSecret) } },
    ];
    for (const attempt of attempts) {
      const response = await channel.postWithHeaders(attempt.body, attempt.headers);
      expect([401, 403]).toContain(response.status);
      const expectedSignature = metaTestKit.sign(attempt.body, appSecret).slice("sha256=".length);
      for (const secret of [appSecret, expectedSignature]) {
        expect(response.body).not.toContain(secret);
        expect(await channel.lastError()).not.toContain(secret);
      }
      expect(await channel.lastError()).toMatch(/^Webhook refused \(40[13]\)/);
    }
    expect(await storedCounts(kit.harness)).toEqual(before);
    expect((await channel.post(raw)).status).toBe(200);
    await kit.harness.settle();
    expect((await storedCounts(kit.harness)).events).toBeGreaterThan(before.events);
  },

  // Signed, but not this platform's JSON: 400, and nothing stored.
  async malformedBodies(kit: MetaWebhookKit, channel: MetaTestChannel, wrongObject: string): Promise<void> {
    const before = await storedCounts(kit.harness);
    const bodies = ["{not json", "[]", '{"update_id":1,"message":{"text":"hi"}}', `{"object":"${wrongObject}","entry":[]}`, '{"object":"page","entry":{}}'];
    for (const body of bodies) {
      const response = await channel.post(body);
      expect(response).toEqual({ status: 400, body: JSON.stringify({ error: "malformed webhook" }) });
      expect(await channel.lastError()).toMatch(/^Malformed webhook: /);
    }
    expect(await storedCounts(kit.harness)).toEqual(before);
  },
};

// Messenger and Instagram share the Send API body and its answer `{ recipient_id, message_id }`.
export type MessagingQuickReply = { content_type: string; title: string; payload: string };
export type MessagingSend = { recipient: { id: string }; messaging_type: string; message: { text?: string; quick_replies?: MessagingQuickReply[] } };
export const messagingSendOf = (json: unknown) => json as MessagingSend;
export const messagingMessageIdOf = (response: string) => (JSON.parse(response) as { message_id: string }).message_id;

// The survey's first two replies to `sender` after `body` (a text from them); returns the quick replies
// its choice question waits on.
export async function startMessagingSurvey(kit: MetaWebhookKit, channel: MetaTestChannel, body: string, sender: string): Promise<MessagingQuickReply[]> {
  expect((await channel.post(body)).status).toBe(200);
  await kit.harness.settle();
  expect(channel.textsTo(sender)).toEqual([surveyWelcome(), surveyFirstQuestion]);
  const question = channel.delivered().filter((request) => messagingSendOf(request.json).recipient.id === sender)[1]!;
  return messagingSendOf(question.json).message.quick_replies!;
}

// Messenger and Instagram answer a signed text identically: the welcome, then the choice question as quick
// replies, both through `POST /me/messages` with the Page token, and stored with the ids Meta returned.
export async function expectMessagingSurveyStart(kit: MetaWebhookKit, channel: MetaTestChannel, body: string, sender: string, pageAccessToken: string): Promise<void> {
  expect(await channel.post(body)).toEqual({ status: 200, body: "ok" });
  await kit.harness.settle();
  const sent = channel.delivered();
  expect(sent.map((request) => request.path)).toEqual(["/v23.0/me/messages", "/v23.0/me/messages"]);
  expect(sent.every((request) => request.headers.authorization === `Bearer ${pageAccessToken}`)).toBe(true);
  expect(sent[0]!.json).toEqual({ recipient: { id: sender }, messaging_type: "RESPONSE", message: { text: surveyWelcome() } });
  expect(sent[1]!.json).toMatchObject({ recipient: { id: sender }, messaging_type: "RESPONSE", message: { text: surveyFirstQuestion } });
  expect(messagingSendOf(sent[1]!.json).message.quick_replies!.map((reply) => [reply.content_type, reply.title])).toEqual(surveyChoices.map((title) => ["text", title]));
  const rows = await channel.outbound();
  expect(rows.map((row) => [row.status, row.external_id])).toEqual(sent.map((request) => ["sent", messagingMessageIdOf(request.response)]));
  expect(await channel.contacts()).toEqual([{ external_id: sender, profile_name: null, display_name: null, first_name: null }]);
}

// Messenger and Instagram share the `{ object, entry: [{ id, time, messaging: [...] }] }` envelope.
export function messagingBody(object: "page" | "instagram", accountId: string, entries: unknown[][]): string {
  return JSON.stringify({ object, entry: entries.map((messaging, i) => ({ id: accountId, time: 1718200000000 + i, messaging })) });
}

export function messagingEvent(sender: string, recipient: string, timestamp: number, fields: Record<string, unknown>): unknown {
  return { sender: { id: sender }, recipient: { id: recipient }, timestamp, ...fields };
}

// The ms watermark Messenger would send for "everything up to this message": its created_at, rounded up.
export async function watermarkAfter(harness: Harness, channelId: string, externalId: string): Promise<number> {
  const [row] = await harness.database.query<{ ms: string }>(
    "select ceil(extract(epoch from created_at) * 1000)::bigint::text as ms from messages where channel_id = $1 and external_id = $2",
    [channelId, externalId],
  );
  return Number(row!.ms);
}
