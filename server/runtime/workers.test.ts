import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createCaller } from "../api/root";
import { encryptJson } from "../crypto/secret-box";
import { seedDemoWorkspace } from "../db/seed";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { startWorkerProcess, type WorkerProcess } from "./testing/worker-process";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";
const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };
// The survey's script: every contact sends the same ten messages, so every contact must get the same
// replies, in the same order, once each.
const script = ["start", "1", "12", "a@example.com", "hi", "start", "3", "x", "b@example.com", "thanks"];

// Several worker processes need a server database: PGlite allows one process per data directory.
describe.skipIf(testBackend() !== "postgres")("worker processes on one PostgreSQL (needs DATABASE_URL)", () => {
  let database: TestDatabase;
  let api: FakeApi;
  let channelId: string;
  const workers: WorkerProcess[] = [];
  let updateId = 1;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId, ownerId } = await seedDemoWorkspace(database);
    api = await startFakeTelegramApi({ botToken });
    const [row] = await database.query<{ id: string }>(
      "insert into channels (workspace_id, type, name, credentials_encrypted, api_base_url) values ($1, 'telegram', 'Bot', $2, $3) returning id",
      [workspaceId, encryptJson({ botToken, secretToken }), api.url],
    );
    channelId = row!.id;
    // A flow with a 5-second wait, started by a keyword.
    const caller = createCaller({ database, queue: null, workspaceId, userId: ownerId });
    const doc = buildDoc({
      name: "Five seconds",
      nodes: {
        t: ["trigger", { keywords: [{ match: "exact", value: "wait5" }] }],
        before: ["message", { text: "Waiting five seconds" }],
        w: ["wait", { amount: 5, unit: "seconds" }],
        afterwards: ["message", { text: "Five seconds later" }],
      },
      edges: ["t -> before", "before -> w", "w -> afterwards"],
    });
    const flow = await caller.flows.import({ json: JSON.stringify(doc) });
    await caller.flows.publish({ id: flow.id });
    workers.push(await startWorkerProcess(database.url!, { leaseSeconds: 5 }), await startWorkerProcess(database.url!, { leaseSeconds: 5 }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.close();
    await database?.drop();
  });

  const update = (contact: number, text: string) => {
    const id = updateId++;
    return JSON.stringify({
      update_id: id,
      message: { message_id: id, from: { id: contact, is_bot: false, first_name: "Load" }, chat: { id: contact, type: "private" }, date: 1_718_000_000 + id, text },
    });
  };
  const postBody = (worker: WorkerProcess, body: string) =>
    fetch(`${worker.url}/api/webhooks/telegram/${channelId}`, { method: "POST", headers, body }).then((response) => response.status);
  const post = (worker: WorkerProcess, contact: number, text: string) => postBody(worker, update(contact, text));

  // Each contact's messages are sent one after another (so their order is defined); contacts in parallel,
  // alternating between the given workers.
  async function burst(contacts: number[], pick: (i: number) => WorkerProcess, onHalfway?: () => Promise<void>) {
    let sent = 0;
    const total = contacts.length * script.length;
    const statuses: number[] = [];
    await Promise.all(
      contacts.map(async (contact, c) => {
        for (const [i, text] of script.entries()) {
          const body = update(contact, text);
          for (;;) {
            // A killed worker refuses connections: the platform retries the same update, as it would.
            const status = await postBody(pick(c + i), body).catch(() => 0);
            if (status === 200) break;
            if (status !== 0) statuses.push(status);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          sent += 1;
          if (sent === Math.floor(total / 2)) await onHalfway?.();
        }
      }),
    );
    expect(statuses).toEqual([]);
  }

  async function settled(timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await database.query<{ events: number; outbox: number }>(
        `select (select count(*)::int from inbound_events where processed_at is null) as events,
                (select count(*)::int from outbox where status in ('pending', 'sending')) as outbox`,
      );
      if (row!.events === 0 && row!.outbox === 0) return;
      if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function repliesByChat(): Map<string, string[]> {
    const byChat = new Map<string, string[]>();
    for (const request of api.requests) {
      if (request.status !== 200) continue;
      const json = request.json as { chat_id: unknown; text: string };
      const chat = String(json.chat_id);
      byChat.set(chat, [...(byChat.get(chat) ?? []), json.text]);
    }
    return byChat;
  }

  it("two workers process 1,000 messages from 100 contacts: none lost, none answered twice, order kept", async () => {
    const contacts = Array.from({ length: 100 }, (_, i) => 100_000 + i);
    await burst(contacts, (i) => workers[i % 2]!);
    await settled();
    const [events] = await database.query<{ n: number; errors: number }>(
      "select count(*)::int as n, count(error)::int as errors from inbound_events where contact_external_id like '1000%'",
    );
    expect(events).toEqual({ n: 1_000, errors: 0 });
    const replies = repliesByChat();
    const reference = replies.get(String(contacts[0]));
    expect(reference!.length).toBeGreaterThan(10);
    for (const contact of contacts) expect(replies.get(String(contact)), `contact ${contact}`).toEqual(reference);
    const inbound = await database.query<{ external_id: string; texts: string[] }>(
      `select ci.external_id, array_agg(m.content->>'text' order by m.seq) as texts
       from messages m join contact_identities ci on ci.contact_id = m.contact_id
       where m.direction = 'inbound' and ci.external_id like '1000%' group by ci.external_id`,
    );
    expect(inbound).toHaveLength(100);
    for (const row of inbound) expect(row.texts).toEqual(script);
  }, 180_000);

  it("kill -9 of a worker mid-burst, then a restart: nothing lost, nothing sent twice", async () => {
    const contacts = Array.from({ length: 40 }, (_, i) => 200_000 + i);
    const before = api.requests.length;
    let alive = workers[0]!;
    await burst(
      contacts,
      (i) => (i % 2 === 0 ? alive : workers[1]!),
      async () => {
        await workers[0]!.kill9();
        alive = workers[1]!;
        workers[0] = await startWorkerProcess(database.url!, { leaseSeconds: 5 });
        alive = workers[0];
      },
    );
    await settled();
    // Every message stored once and processed.
    const [events] = await database.query<{ n: number; unprocessed: number }>(
      "select count(*)::int as n, count(*) filter (where processed_at is null)::int as unprocessed from inbound_events where contact_external_id like '2000%'",
    );
    expect(events).toEqual({ n: 400, unprocessed: 0 });
    // Each outbound message reached the API at most once; a send cut off by the kill is `unconfirmed`
    // (visible, waiting for a status webhook), never resent blindly.
    const reference = repliesByChat().get("100000")!;
    const received = new Map<string, string[]>();
    for (const request of api.requests.slice(before)) {
      if (request.status !== 200) continue;
      const json = request.json as { chat_id: unknown; text: string };
      received.set(String(json.chat_id), [...(received.get(String(json.chat_id)) ?? []), json.text]);
    }
    const unconfirmed = await database.query<{ external_id: string; n: number }>(
      `select ci.external_id, count(*)::int as n from messages m join contact_identities ci on ci.contact_id = m.contact_id
       where m.status = 'unconfirmed' and ci.external_id like '2000%' group by ci.external_id`,
    );
    const unconfirmedBy = new Map(unconfirmed.map((row) => [row.external_id, row.n]));
    for (const contact of contacts) {
      const got = received.get(String(contact)) ?? [];
      const missing = reference.length - got.length;
      expect(missing, `contact ${contact} got ${got.length} of ${reference.length}`).toBeGreaterThanOrEqual(0);
      expect(missing).toBeLessThanOrEqual(unconfirmedBy.get(String(contact)) ?? 0);
      expect(isSubsequence(got, reference), `contact ${contact}: ${JSON.stringify(got)}`).toBe(true);
    }
    const [outbox] = await database.query<{ bad: number }>("select count(*)::int as bad from outbox where status not in ('sent', 'unconfirmed')");
    expect(outbox!.bad).toBe(0);
    console.log(`kill -9 test: ${unconfirmed.reduce((sum, row) => sum + row.n, 0)} unconfirmed sends reported`);
  }, 240_000);

  it("a 5-second wait survives a restart of the worker and fires once", async () => {
    const contact = 300_001;
    expect(await post(workers[0]!, contact, "wait5")).toBe(200);
    const sentAt = Date.now();
    await until(() => (repliesByChat().get(String(contact)) ?? []).length >= 1, 10_000);
    if (!repliesByChat().get(String(contact))) {
      console.log(workers.map((worker) => worker.output()).join("\n"));
      console.log(JSON.stringify(await database.query("select kind, error, processed_at, payload from inbound_events where contact_external_id = '300001'")));
      console.log(JSON.stringify(await database.query("select status, error, content from messages m order by created_at desc limit 3")));
    }
    expect(repliesByChat().get(String(contact))).toEqual(["Waiting five seconds"]);
    await Promise.all(workers.map((worker) => worker.kill9()));
    workers.splice(0, 2, await startWorkerProcess(database.url!, { leaseSeconds: 5 }), await startWorkerProcess(database.url!, { leaseSeconds: 5 }));
    await until(() => (repliesByChat().get(String(contact)) ?? []).length >= 2, 20_000);
    // On time (pg-boss polls every 0.5 s), not before; and once, even with two workers polling.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(5_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(repliesByChat().get(String(contact))).toEqual(["Waiting five seconds", "Five seconds later"]);
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isSubsequence(items: string[], of: string[]): boolean {
  let at = 0;
  for (const item of items) {
    while (at < of.length && of[at] !== item) at++;
    if (at === of.length) return false;
    at++;
  }
  return true;
}
