import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalisedEvent } from "../channels/channel-adapter";
import { encryptJson } from "../crypto/secret-box";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { storeEvents } from "./ingest";
import { processContactGroup } from "./process-contact-group";

const hi = (externalId: string, message: unknown = { text: "hi" }): NormalisedEvent =>
  ({ dedupeKey: `group-${externalId}-${JSON.stringify(message)}`, kind: "message", contact: { externalId, profileName: "Mio" }, timestamp: Date.now(), message }) as NormalisedEvent;

// In a burst several contacts share a transaction; one contact's broken event must not cost the others
// their replies, and must itself be recorded as failed rather than retried forever.
describe(`contacts processed together (${testBackend()})`, () => {
  let database: TestDatabase;
  let channel: { id: string; workspaceId: string };
  const env = () => ({ database, queue: null, onCommitted: () => {} });
  const outboundCount = async (externalId: string) => {
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from messages m join contact_identities ci on ci.contact_id = m.contact_id
       where ci.channel_id = $1 and ci.external_id = $2 and m.direction = 'outbound' and m.status = 'queued'`,
      [channel.id, externalId],
    );
    return row!.n;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { workspaceId } = await seedDemoWorkspace(database);
    const [row] = await database.query<{ id: string }>(
      "insert into channels (workspace_id, type, name, credentials_encrypted) values ($1, 'telegram', 'Group', $2) returning id",
      [workspaceId, encryptJson({ botToken: "123456:GROUP-token", secretToken: "group-secret" })],
    );
    channel = { id: row!.id, workspaceId };
  });
  afterAll(() => database.drop());

  it("answers every contact of the group", async () => {
    const contacts = ["g1", "g2", "g3", "g4"];
    await storeEvents(database, channel, contacts.map((id) => hi(id)));
    expect(await processContactGroup(env(), contacts.map((externalId) => ({ channelId: channel.id, externalId })))).toBe(4);
    for (const id of contacts) expect(await outboundCount(id)).toBeGreaterThan(0);
  });

  it("still answers the others when one contact's event breaks the group, and records that event's failure", async () => {
    const contacts = ["b1", "b2", "b3"];
    await storeEvents(database, channel, [hi("b1"), hi("b2", { text: 42 }), hi("b3")]);
    await processContactGroup(env(), contacts.map((externalId) => ({ channelId: channel.id, externalId })));
    expect(await outboundCount("b1")).toBeGreaterThan(0);
    expect(await outboundCount("b3")).toBeGreaterThan(0);
    expect(await outboundCount("b2")).toBe(0);
    const events = await database.query<{ contact: string; processed: boolean; error: string | null }>(
      "select contact_external_id as contact, processed_at is not null as processed, error from inbound_events where channel_id = $1 and contact_external_id like 'b%' order by 1",
      [channel.id],
    );
    expect(events.map((event) => [event.contact, event.processed, event.error !== null])).toEqual([
      ["b1", true, false],
      ["b2", true, true],
      ["b3", true, false],
    ]);
  });
});
