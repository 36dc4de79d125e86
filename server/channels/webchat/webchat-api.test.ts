import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorkspace } from "../../db/seed";
import type { DeliveredMessage } from "../../runtime/outbox-sender";
import { createTestDatabase, testBackend, type TestDatabase } from "../../testing/test-database";
import { DEMO_WEBCHAT_KEY } from "./demo-webchat-key";
import { handleWebchatHistory } from "./handle-history";
import { handleWebchatMessage } from "./handle-message";
import { handleWebchatSession } from "./handle-session";
import { handleWebchatStream } from "./handle-stream";
import { createRateLimiter } from "./rate-limiter";
import type { WidgetMessage } from "./widget-message";

const KEY = DEMO_WEBCHAT_KEY;
const base = `http://kaiwa.test/api/webchat/${KEY}`;
type Visitor = { visitorId: string; token: string };

describe(`web-chat endpoints on ${testBackend()}`, () => {
  let database: TestDatabase;
  let channelId: string;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workspaceId } = await seedDemoWorkspace(database));
    const [row] = await database.query<{ id: string }>("select id from channels where public_key = $1", [KEY]);
    channelId = row!.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  const post = (path: string, body: unknown, key = KEY) =>
    new Request(`http://kaiwa.test/api/webchat/${key}/${path}`, { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify(body) });
  const newVisitor = async (): Promise<Visitor> => (await handleWebchatSession(database, KEY, post("session", {}))).json();
  let counter = 0;
  const say = (visitor: Visitor, text: string, extra: Record<string, unknown> = {}) =>
    handleWebchatMessage(database, KEY, post("messages", { ...visitor, text, clientMessageId: `m${++counter}`, ...extra }));
  const history = async (visitor: Visitor, token = visitor.token) =>
    handleWebchatHistory(database, KEY, new Request(`${base}/history?visitorId=${visitor.visitorId}&token=${encodeURIComponent(token)}`));
  const storedEvents = async (visitorId: string) =>
    (await database.query<{ n: number }>("select count(*)::int as n from inbound_events where contact_external_id = $1", [visitorId]))[0]!.n;

  // What the runtime does for a reply: contact, conversation, then messages with their outbox rows in
  // one transaction (so they share created_at), marked sent by the sender.
  const reply = async (visitorId: string, payloads: object[], status = "sent") => {
    let [identity] = await database.query<{ contact_id: string }>("select contact_id from contact_identities where channel_id = $1 and external_id = $2", [
      channelId,
      visitorId,
    ]);
    if (!identity) {
      const [contact] = await database.query<{ id: string }>("insert into contacts (workspace_id) values ($1) returning id", [workspaceId]);
      await database.query("insert into contact_identities (workspace_id, contact_id, channel_id, external_id) values ($1, $2, $3, $4)", [
        workspaceId,
        contact!.id,
        channelId,
        visitorId,
      ]);
      identity = { contact_id: contact!.id };
    }
    const contactId = identity.contact_id;
    await database.db.transaction(async (tx) => {
      for (const payload of payloads) {
        await tx.execute(sql`with m as (
            insert into messages (workspace_id, contact_id, channel_id, direction, status, content)
            values (${workspaceId}, ${contactId}, ${channelId}, 'outbound', ${status}, ${JSON.stringify({ text: "", parts: [], payload })}::jsonb)
            returning id
          )
          insert into outbox (workspace_id, message_id, channel_id, contact_id, payload, idempotency_key, status)
          select ${workspaceId}, m.id, ${channelId}, ${contactId}, '{}'::jsonb, m.id::text, ${status === "queued" ? "pending" : "sent"} from m`);
      }
    });
  };

  it("answers 404 for an unknown or disabled key on every endpoint, and 204 with CORS to a preflight", async () => {
    expect((await handleWebchatSession(database, "nope", post("session", {}, "nope"))).status).toBe(404);
    const visitor = await newVisitor();
    const unknown = await handleWebchatMessage(database, "nope", post("messages", { ...visitor, text: "hi", clientMessageId: "x" }, "nope"));
    expect(unknown.status).toBe(404);
    expect((await handleWebchatHistory(database, "nope", new Request(`${base}/history`))).status).toBe(404);
    await database.query("update channels set status = 'disabled' where id = $1", [channelId]);
    try {
      expect((await handleWebchatSession(database, KEY, post("session", {}))).status).toBe(404);
      expect((await say(visitor, "hello?")).status).toBe(404);
    } finally {
      await database.query("update channels set status = 'active' where id = $1", [channelId]);
    }
    expect(await storedEvents(visitor.visitorId)).toBe(0);
  });

  it("issues a visitor with a token, resumes it with the right token and starts afresh with a wrong one", async () => {
    const response = await handleWebchatSession(database, KEY, post("session", {}));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const first = await response.json();
    expect(first).toMatchObject({ visitorId: expect.stringMatching(/^v_[0-9a-f]{32}$/), token: expect.any(String), resumed: false, title: "Website chat" });
    const again = await (await handleWebchatSession(database, KEY, post("session", { visitorId: first.visitorId, token: first.token }))).json();
    expect(again).toMatchObject({ visitorId: first.visitorId, token: first.token, resumed: true });
    const forged = await (await handleWebchatSession(database, KEY, post("session", { visitorId: first.visitorId, token: "forged" }))).json();
    expect(forged.visitorId).not.toBe(first.visitorId);
    expect(forged.resumed).toBe(false);
  });

  it("requires the visitor's own token: another visitor's token is refused and nothing is stored or shown", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    expect((await say(alice, "my secret order number is 42")).status).toBe(202);
    const asBob = await handleWebchatMessage(database, KEY, post("messages", { visitorId: alice.visitorId, token: bob.token, text: "hi", clientMessageId: "b1" }));
    expect(asBob.status).toBe(403);
    const missing = await handleWebchatMessage(database, KEY, post("messages", { visitorId: alice.visitorId, text: "hi", clientMessageId: "b2" }));
    expect(missing.status).toBe(400);
    expect(await storedEvents(alice.visitorId)).toBe(1);
    expect((await history(alice, bob.token)).status).toBe(403);
    const bobsOwn = await (await history(bob)).json();
    expect(bobsOwn.messages).toEqual([]);
  });

  it("stores a message once when the widget POSTs it twice with the same clientMessageId", async () => {
    const visitor = await newVisitor();
    const body = { ...visitor, text: "hi", clientMessageId: "retry-1" };
    const first = await handleWebchatMessage(database, KEY, post("messages", body));
    const second = await handleWebchatMessage(database, KEY, post("messages", body));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    expect(await second.json()).toEqual({ ok: true, duplicate: true });
    expect(await storedEvents(visitor.visitorId)).toBe(1);
    // Another visitor may use the same client id without losing their message.
    const other = await newVisitor();
    await handleWebchatMessage(database, KEY, post("messages", { ...other, text: "hi", clientMessageId: "retry-1" }));
    expect(await storedEvents(other.visitorId)).toBe(1);
  });

  it("stores a tapped button as its payload with the label as the text", async () => {
    const visitor = await newVisitor();
    await say(visitor, "Pricing and plans", { payload: "pricing" });
    const [event] = await database.query<{ payload: { kind: string; message: unknown; contact: unknown } }>(
      "select payload from inbound_events where contact_external_id = $1",
      [visitor.visitorId],
    );
    expect(event!.payload).toMatchObject({ kind: "message", contact: { externalId: visitor.visitorId }, message: { text: "Pricing and plans", payload: "pricing" } });
  });

  it("returns the conversation in order, with buttons, and without replies not yet delivered", async () => {
    const visitor = await newVisitor();
    await say(visitor, "hi");
    await reply(visitor.visitorId, [
      { type: "message", text: "Welcome! Visit https://example.com/<b>" },
      { type: "message", text: "What brings you here?", buttons: [{ label: "Pricing", payload: "p1" }, { label: "Support", payload: "p2" }] },
    ]);
    await say(visitor, "Pricing", { payload: "p1" });
    await reply(visitor.visitorId, [{ type: "message", text: "How many people?" }]);
    await reply(visitor.visitorId, [{ type: "message", text: "still queued" }], "queued");
    const response = await history(visitor);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { messages: WidgetMessage[]; cursor: number };
    expect(body.messages.map((message) => [message.from, message.text])).toEqual([
      ["visitor", "hi"],
      ["bot", "Welcome! Visit https://example.com/<b>"],
      ["bot", "What brings you here?"],
      ["visitor", "Pricing"],
      ["bot", "How many people?"],
    ]);
    expect(body.messages[2]!.buttons).toEqual([{ label: "Pricing", payload: "p1" }, { label: "Support", payload: "p2" }]);
    expect(body.cursor).toBe(body.messages[4]!.cursor);
  });

  it("refuses the 11th message within 10 seconds with 429 and Retry-After", async () => {
    const visitor = await newVisitor();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await say(visitor, `message ${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
    const refused = await say(visitor, "one more");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await storedEvents(visitor.visitorId)).toBe(10);
    // Other visitors are not affected.
    expect((await say(await newVisitor(), "hi")).status).toBe(202);
  });

  it("the rate limiter's window slides", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000 });
    expect([limiter.take("a", 0), limiter.take("a", 100), limiter.take("a", 200)]).toEqual([true, true, false]);
    expect(limiter.retryAfterMs("a", 200)).toBe(800);
    expect(limiter.take("a", 1_001)).toBe(true);
  });

  it("streams replies delivered after the cursor as server-sent events, and ends when the visitor leaves", async () => {
    const visitor = await newVisitor();
    await say(visitor, "hi");
    await reply(visitor.visitorId, [{ type: "message", text: "already seen" }]);
    const { cursor } = await (await history(visitor)).json();
    const events = new EventEmitter<{ outbound: [DeliveredMessage] }>();
    const abort = new AbortController();
    const request = new Request(`${base}/stream?visitorId=${visitor.visitorId}&token=${encodeURIComponent(visitor.token)}&after=${cursor}`, { signal: abort.signal });
    // A long poll: only the "outbound" event can deliver within this test.
    const response = await handleWebchatStream(database, KEY, request, { pollMs: 60_000, heartbeatMs: 60_000, events });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`stream ended before ${pattern}: ${received}`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil(/: connected/);
    await reply(visitor.visitorId, [{ type: "message", text: "new one", buttons: [{ label: "Yes", payload: "y" }] }]);
    events.emit("outbound", { channelId, contactId: "", messageId: "" });
    await readUntil(/new one/);
    expect(received).not.toContain("already seen");
    const data = received.split("\n").find((line) => line.startsWith("data: "))!;
    expect(JSON.parse(data.slice(6))).toMatchObject({ from: "bot", text: "new one", buttons: [{ label: "Yes", payload: "y" }] });
    expect(received).toMatch(new RegExp(`id: ${cursor + 1}|id: \\d+`));
    abort.abort();
    await expect(reader.read()).resolves.toMatchObject({ done: true });
    expect(events.listenerCount("outbound")).toBe(0);
  });

  it("the stream's fallback poll delivers what another process sent, and a wrong token gets 403", async () => {
    const visitor = await newVisitor();
    await say(visitor, "hi");
    const abort = new AbortController();
    const url = `${base}/stream?visitorId=${visitor.visitorId}&token=${encodeURIComponent(visitor.token)}&after=0`;
    const response = await handleWebchatStream(database, KEY, new Request(url, { signal: abort.signal }), { pollMs: 100, events: new EventEmitter() });
    const reader = response.body!.getReader();
    await reply(visitor.visitorId, [{ type: "message", text: "from another worker" }]);
    let received = "";
    const deadline = Date.now() + 5_000;
    while (!received.includes("from another worker") && Date.now() < deadline) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain("from another worker");
    abort.abort();
    const forbidden = await handleWebchatStream(database, KEY, new Request(url.replace(/token=[^&]+/, "token=nope")));
    expect(forbidden.status).toBe(403);
  });
});
