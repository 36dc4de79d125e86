import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundMessageSchema, type Action, type StepResult } from "@/flows-runtime";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { findOrCreateContact, openConversation } from "./contact-records";
import { emptyAfterCommit, type FlowRun, type RuntimeChannel } from "./flow-run";
import { waitingSession } from "./contact-state";
import { externalIdsTagged } from "./testing/tagged-contacts";
import { withTransaction, type Tx } from "./transaction";
import { writeStep } from "./write-step";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitingOn = (nodeId: string): StepResult["session"] =>
  ({ status: "waiting", waiting: { nodeId, kind: "question" }, path: [nodeId], variables: {} }) as unknown as StepResult["session"];
const send = (nodeId: string, text: string): Action => ({ type: "send", nodeId, message: outboundMessageSchema.parse({ text }) });

// The survey's steps are written in one statement each: everything the step did must land, in order,
// exactly as the action-by-action path would have written it.
describe(`writing a step (${testBackend()})`, () => {
  let database: TestDatabase;
  let channel: RuntimeChannel;
  let flow: { flowId: string; versionId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId } = await seedDemoWorkspace(database);
    const [row] = await database.query<{ id: string }>("insert into channels (workspace_id, type, name) values ($1, 'telegram', 'Steps') returning id", [workspaceId]);
    channel = { id: row!.id, workspaceId, type: "telegram", outsideWindow: { mode: "fail" } };
    const [published] = await database.query<{ id: string; version_id: string }>(
      "select id, published_version_id as version_id from flows where workspace_id = $1 and published_version_id is not null limit 1",
      [workspaceId],
    );
    flow = { flowId: published!.id, versionId: published!.version_id };
  });
  afterAll(() => database.drop());

  const runFor = async (tx: Tx, externalId: string): Promise<FlowRun> => {
    const contact = await findOrCreateContact(tx, channel, externalId, "Aiko", { at: new Date() });
    const conversation = await openConversation(tx, contact);
    return { tx, queue: null, channel, contact, conversation, eventContext: undefined, now: Date.now(), clockOffsetMs: 0, simulationId: null, errors: [], after: emptyAfterCommit() };
  };

  it("stores the session, the messages in order with their outbox rows, the field values, the tags and the closed conversation", async () => {
    const actions: Action[] = [
      { type: "set_field", nodeId: "q1", field: "company_size", value: 5 },
      { type: "add_tag", nodeId: "t1", tag: "lead" },
      send("m1", "Thanks!"),
      { type: "set_field", nodeId: "q2", field: "company_size", value: 25 },
      { type: "set_field", nodeId: "q3", field: "__proto__", value: "kept" },
      send("m2", "One more question"),
      { type: "end", nodeId: "e1", closeConversation: true },
    ] as Action[];
    const run = await withTransaction(database, async (tx) => {
      const run = await runFor(tx, "step-1");
      await writeStep(run, flow, null, waitingOn("q3"), actions);
      return run;
    });

    const sent = await database.query<{ text: string; status: string; queued: boolean }>(
      `select m.content->>'text' as text, m.status, exists (select 1 from outbox o where o.message_id = m.id and o.idempotency_key = m.id::text) as queued
       from messages m where m.contact_id = $1 and m.direction = 'outbound' order by m.seq`,
      [run.contact.contactId],
    );
    expect(sent).toEqual([
      { text: "Thanks!", status: "queued", queued: true },
      { text: "One more question", status: "queued", queued: true },
    ]);
    const outboxOrder = await database.query<{ text: string }>(
      "select o.payload->'payload'->>'text' as text from outbox o where o.contact_id = $1 order by o.seq",
      [run.contact.contactId],
    );
    expect(outboxOrder.map((row) => row.text)).toEqual(["Thanks!", "One more question"]);
    expect(run.after.outbound).toBe(2);
    const [contact] = await database.query<{ fields: Record<string, unknown>; tags: string[] }>(
      "select c.fields, array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id) as tags from contacts c where c.id = $1",
      [run.contact.contactId],
    );
    expect(contact!.tags).toEqual(["lead"]);
    expect(contact!.fields).toEqual({ first_name: "Aiko", company_size: 25, ["__proto__"]: "kept" });
    const [conversation] = await database.query<{ status: string }>("select status from conversations where id = $1", [run.conversation.id]);
    expect(conversation!.status).toBe("closed");
    const session = await withTransaction(database, (tx) => waitingSession(tx, run.contact.contactId));
    expect(session).toMatchObject({ flowId: flow.flowId, versionId: flow.versionId, state: { waiting: { nodeId: "q3" } } });
  });

  it("moves a waiting session on, and refuses to overwrite one another writer changed", async () => {
    const contact = await withTransaction(database, async (tx) => {
      const run = await runFor(tx, "step-2");
      await writeStep(run, flow, null, waitingOn("q1"), [send("m1", "First?")]);
      return run.contact;
    });
    const prior = (await withTransaction(database, (tx) => waitingSession(tx, contact.contactId)))!;
    await withTransaction(database, async (tx) => writeStep(await runFor(tx, "step-2"), flow, prior, waitingOn("q2"), [send("m2", "Second?")]));
    const moved = await withTransaction(database, (tx) => waitingSession(tx, contact.contactId));
    expect(moved).toMatchObject({ id: prior.id, version: prior.version + 1, state: { waiting: { nodeId: "q2" } } });

    const stale = withTransaction(database, async (tx) => writeStep(await runFor(tx, "step-2"), flow, prior, waitingOn("q3"), [send("m3", "Never stored")]));
    await expect(stale).rejects.toThrow(/changed by another writer/);
    const texts = await database.query<{ text: string }>("select content->>'text' as text from messages where contact_id = $1 and direction = 'outbound' order by seq", [contact.contactId]);
    expect(texts.map((row) => row.text)).toEqual(["First?", "Second?"]);
  });

  it("tags both contacts when two steps are the first to use a tag at the same time", async () => {
    const tagStep: Action[] = [{ type: "add_tag", nodeId: "t1", tag: "first-use-2026" } as Action, send("m1", "Tagged")];
    const first = withTransaction(database, async (tx) => {
      await writeStep(await runFor(tx, "step-3"), flow, null, waitingOn("q1"), tagStep);
      // Hold the new tag's row uncommitted while the other contact's step asks for the same tag.
      await sleep(300);
    });
    await sleep(100);
    const second = withTransaction(database, async (tx) => writeStep(await runFor(tx, "step-4"), flow, null, waitingOn("q1"), tagStep));
    await Promise.all([first, second]);
    expect(await externalIdsTagged(database, channel.workspaceId, "first-use-2026")).toEqual(["step-3", "step-4"]);
  });
});
