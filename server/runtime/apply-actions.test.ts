import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { applyAction } from "./apply-actions";
import { findOrCreateContact, openConversation } from "./contact-records";
import { emptyAfterCommit, type FlowRun, type RuntimeChannel } from "./flow-run";
import { externalIdsTagged } from "./testing/tagged-contacts";
import { withTransaction, type Tx } from "./transaction";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Tagging is on every survey answer's path, for every contact at once: it must neither serialise the
// contacts on the tag's row nor lose a tag when two contacts are the first to get it.
describe(`add_tag under concurrency (${testBackend()})`, () => {
  let database: TestDatabase;
  let channel: RuntimeChannel;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId } = await seedDemoWorkspace(database);
    const [row] = await database.query<{ id: string }>("insert into channels (workspace_id, type, name) values ($1, 'telegram', 'Tags') returning id", [workspaceId]);
    channel = { id: row!.id, workspaceId, type: "telegram", outsideWindow: { mode: "fail" } };
  });
  afterAll(() => database.drop());

  const tagIn = async (tx: Tx, externalId: string, tag: string) => {
    const contact = await findOrCreateContact(tx, channel, externalId, "Aiko", {});
    const conversation = await openConversation(tx, contact);
    const run: FlowRun = { tx, queue: null, channel, contact, conversation, eventContext: undefined, now: Date.now(), clockOffsetMs: 0, simulationId: null, errors: [], after: emptyAfterCommit() };
    await applyAction(run, "", "", { type: "add_tag", nodeId: "n", tag });
  };

  it("tags both contacts when a second transaction adds a brand-new tag while the first has not committed it", async () => {
    const first = withTransaction(database, async (tx) => {
      await tagIn(tx, "tg-1", "vip-2026");
      // Hold the new tag's row uncommitted while the other contact asks for the same tag.
      await sleep(300);
    });
    await sleep(100);
    const second = withTransaction(database, (tx) => tagIn(tx, "tg-2", "vip-2026"));
    await Promise.all([first, second]);

    expect(await externalIdsTagged(database, channel.workspaceId, "vip-2026")).toEqual(["tg-1", "tg-2"]);
    const [tags] = await database.query<{ n: number }>("select count(*)::int as n from tags where workspace_id = $1 and name = 'vip-2026'", [channel.workspaceId]);
    expect(tags!.n).toBe(1);
  });

  it("does not hold the tag's row: a contact tagged with an existing tag is not kept waiting by another's open transaction", async () => {
    if (database.kind === "pglite") return; // one transaction at a time there: nothing can overlap
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstTagged = () => {};
    const tagged = new Promise<void>((resolve) => (firstTagged = resolve));
    const first = withTransaction(database, async (tx) => {
      await tagIn(tx, "tg-3", "vip-2026");
      firstTagged();
      await held;
    });
    await tagged;
    // Under an upsert that rewrites the tag's row, this waits for the first to commit, which waits for this.
    const second = withTransaction(database, (tx) => tagIn(tx, "tg-4", "vip-2026")).then(() => "done");
    const outcome = await Promise.race([second, sleep(5_000).then(() => "blocked")]);
    release();
    await first;
    await second;
    expect(outcome).toBe("done");
  });
});
