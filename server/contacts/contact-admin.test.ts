import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";

type Caller = ReturnType<typeof createCaller>;

// Segments, tags, field definitions and the contact profile on a real database.
describe(`contact administration on ${testBackend()}`, () => {
  let database: TestDatabase;
  let caller: Caller;
  let stranger: Caller;
  let workspaceId: string;
  const tagIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemoWorkspace(database);
    workspaceId = demo.workspaceId;
    caller = createCaller({ database, queue: null, workspaceId, userId: demo.ownerId });
    const [other] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('other', 'Other') returning id");
    stranger = createCaller({ database, queue: null, workspaceId: other!.id, userId: demo.ownerId });
    for (const tag of await caller.tags.list()) tagIds[tag.name] = tag.id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("keeps a segment's count live as contacts change", async () => {
    const segment = await caller.segments.create({ name: "Big companies", filter: { fields: [{ key: "company_size", operator: "greater", value: "100" }] } });
    expect(segment.count).toBe(0);
    const big = await caller.contacts.create({ displayName: "Big Co buyer", fields: { company_size: 500 } });
    await caller.contacts.create({ displayName: "Small Co buyer", fields: { company_size: 5 } });
    expect((await caller.segments.get({ id: segment.id })).count).toBe(1);
    await caller.contacts.setField({ contactId: big.id, key: "company_size", value: "50" });
    expect((await caller.segments.list()).find((entry) => entry.id === segment.id)!.count).toBe(0);

    const updated = await caller.segments.update({ id: segment.id, name: "Any size", filter: { fields: [{ key: "company_size", operator: "is_set" }] } });
    expect(updated).toMatchObject({ name: "Any size", count: 2 });
    expect(await stranger.segments.list()).toEqual([]);
    await expect(stranger.segments.get({ id: segment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.segments.create({ name: "Any size", filter: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.segments.delete({ id: segment.id });
    expect((await caller.segments.list()).map((entry) => entry.id)).not.toContain(segment.id);
  });

  it("merges a tag into another: contacts keep one row, counts add up, the source is gone", async () => {
    const a = await caller.tags.create({ name: "lead-a", color: "rose" });
    const b = await caller.tags.create({ name: "lead-b" });
    const both = await caller.contacts.create({ displayName: "Both", tagIds: [a.id, b.id] });
    await caller.contacts.create({ displayName: "Only A", tagIds: [a.id] });
    await caller.contacts.create({ displayName: "Only B", tagIds: [b.id] });
    const counts = async () => Object.fromEntries((await caller.tags.list()).map((tag) => [tag.name, tag.contactCount]));
    expect(await counts()).toMatchObject({ "lead-a": 2, "lead-b": 2 });

    const merged = await caller.tags.merge({ sourceId: a.id, targetId: b.id });
    expect(merged).toMatchObject({ movedContacts: 1, sourceContacts: 2 });
    const after = await counts();
    expect(after["lead-b"]).toBe(3);
    expect(after["lead-a"]).toBeUndefined();
    expect((await caller.contacts.get({ id: both.id })).tags.map((tag) => tag.name)).toEqual(["lead-b"]);

    await caller.tags.update({ id: b.id, name: "qualified", color: "emerald" });
    expect((await caller.tags.list()).find((tag) => tag.id === b.id)).toMatchObject({ name: "qualified", color: "emerald", contactCount: 3 });
    await expect(caller.tags.update({ id: b.id, name: "vip" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await caller.tags.delete({ id: b.id })).toEqual({ id: b.id, removedFromContacts: 3 });
    expect((await caller.contacts.get({ id: both.id })).tags).toEqual([]);
    await expect(stranger.tags.delete({ id: tagIds.vip! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates typed fields with a key that never changes, and deletes them with a count", async () => {
    const field = await caller.fields.create({ key: "plan", label: "Plan", type: "single_choice", options: ["Free", "Pro"] });
    await expect(caller.fields.create({ key: "plan", label: "Again", type: "text" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.fields.create({ key: "Bad Key", label: "Bad", type: "text" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.fields.create({ key: "colour", label: "Colour", type: "multiple_choice", options: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.fields.update({ id: field.id, label: "Subscription plan", options: ["Free", "Pro", "Team"] });
    const listed = (await caller.fields.list()).find((entry) => entry.id === field.id)!;
    expect(listed).toMatchObject({ key: "plan", label: "Subscription plan", options: ["Free", "Pro", "Team"], contactCount: 0 });

    const contact = await caller.contacts.create({ displayName: "Planner", fields: { plan: "Team" } });
    expect((await caller.fields.list()).find((entry) => entry.id === field.id)!.contactCount).toBe(1);
    expect(await caller.fields.delete({ id: field.id })).toEqual({ id: field.id, clearedContacts: 1 });
    expect((await caller.contacts.get({ id: contact.id })).otherFields).toEqual([]);
  });

  it("validates a field edit against its type and stores the normalised value", async () => {
    const contact = await caller.contacts.create({ displayName: "Typed" });
    const set = (key: string, value: string | number | string[] | null, defaultCountry?: string) =>
      caller.contacts.setField({ contactId: contact.id, key, value, defaultCountry });
    const refused = (promise: Promise<unknown>) => promise.then(() => null, (error: { code: string; message: string }) => error);

    expect((await set("company_size", "1,200")).value).toBe(1200);
    expect((await refused(set("company_size", "lots")))?.message).toContain("is not a number");
    expect((await set("phone", "090-1234-5678", "JP")).value).toBe("+819012345678");
    expect((await refused(set("phone", "12345")))?.message).toContain("not a valid phone number");
    expect((await set("email", "Ｈａｎａ@example.jp")).value).toBe("Hana@example.jp");
    expect((await refused(set("email", "hana@")))?.code).toBe("BAD_REQUEST");
    expect((await set("birthday", "2000-02-29")).value).toBe("2000-02-29");
    expect((await refused(set("birthday", "2001-02-29")))?.message).toContain("YYYY-MM-DD");
    expect((await set("budget", "Over $5,000")).value).toBe("Over $5,000");
    expect((await refused(set("budget", "a million")))?.message).toContain("not one of the choices");
    expect((await refused(set("no_such_field", "x")))?.message).toContain("no contact field");
    await set("company", "");
    const profile = await caller.contacts.get({ id: contact.id });
    const value = (key: string) => profile.fields.find((field) => field.key === key)?.value;
    expect(value("company_size")).toBe(1200);
    expect(value("phone")).toBe("+819012345678");
    expect(value("birthday")).toBe("2000-02-29");
    expect(value("company")).toBeNull();
    // The profile's typed fields carry what the inputs need.
    expect(profile.fields.find((field) => field.key === "budget")).toMatchObject({ type: "single_choice", options: ["Under $1,000", "$1,000 - $5,000", "Over $5,000"] });
  });

  it("shows identities with opt-in and window state, the timeline with flow and node, and sessions", async () => {
    const contact = await caller.contacts.create({ displayName: "Chatty" });
    const [wa, tg] = await database.query<{ id: string; type: string }>(
      "insert into channels (workspace_id, type, name) values ($1, 'whatsapp', 'Shop WA'), ($1, 'telegram', 'Shop TG') returning id, type",
      [workspaceId],
    );
    await database.query(
      `insert into contact_identities (workspace_id, contact_id, channel_id, external_id, profile_name, last_inbound_at, opted_in, opted_out_at) values
       ($1, $2, $3, '819012345678', 'Chatty WA', now() - interval '2 hours', true, null),
       ($1, $2, $4, '42', 'chatty_tg', now() - interval '3 days', false, now() - interval '1 day')`,
      [workspaceId, contact.id, wa!.id, tg!.id],
    );
    const [flow] = await database.query<{ id: string }>("select id from flows where workspace_id = $1 limit 1", [workspaceId]);
    await database.query(
      `insert into messages (workspace_id, contact_id, channel_id, direction, status, content, flow_id, node_id, created_at) values
       ($1, $2, $3, 'inbound', 'received', '{"text":"hi"}', null, null, now() - interval '2 hours'),
       ($1, $2, $3, 'outbound', 'delivered', '{"text":"Welcome!"}', $4, 'welcome-1', now() - interval '119 minutes')`,
      [workspaceId, contact.id, wa!.id, flow!.id],
    );
    await database.query(
      `insert into messages (workspace_id, contact_id, channel_id, direction, status, content, sent_by_user_id, created_at)
       select $1, $2, $3, 'outbound', 'sent', '{"text":"A human here"}', m.user_id, now() - interval '1 hour' from memberships m where m.workspace_id = $1 limit 1`,
      [workspaceId, contact.id, wa!.id],
    );
    await database.query(
      "insert into sessions (workspace_id, contact_id, flow_id, status, node_id, state) values ($1, $2, $3, 'waiting', 'ask-email', '{}')",
      [workspaceId, contact.id, flow!.id],
    );

    const profile = await caller.contacts.get({ id: contact.id });
    const whatsapp = profile.identities.find((identity) => identity.channelType === "whatsapp")!;
    expect(whatsapp).toMatchObject({ profileName: "Chatty WA", optIn: { state: "opted_in" }, window: { state: "open", hours: 24 } });
    const until = new Date((whatsapp.window as { until: string }).until).getTime();
    expect(Math.abs(until - (Date.now() + 22 * 3_600_000))).toBeLessThan(60_000);
    const telegram = profile.identities.find((identity) => identity.channelType === "telegram")!;
    expect(telegram).toMatchObject({ profileName: "chatty_tg", optIn: { state: "opted_out" }, window: { state: "none" } });
    expect(profile.sessions).toEqual([expect.objectContaining({ flowId: flow!.id, status: "waiting", nodeId: "ask-email", version: null })]);

    const timeline = await caller.contacts.timeline({ contactId: contact.id });
    expect(timeline.messages.map((message) => [message.author, message.text])).toEqual([
      ["human", "A human here"],
      ["bot", "Welcome!"],
      ["contact", "hi"],
    ]);
    expect(timeline.messages[1]).toMatchObject({ nodeId: "welcome-1", flowId: flow!.id, status: "delivered" });
    expect(timeline.messages[1]!.flowName).toBeTruthy();
    const older = await caller.contacts.timeline({ contactId: contact.id, limit: 2 });
    expect(older.messages).toHaveLength(2);
    const rest = await caller.contacts.timeline({ contactId: contact.id, limit: 2, cursor: older.nextCursor! });
    expect(rest.messages.map((message) => message.text)).toEqual(["hi"]);
    await expect(stranger.contacts.timeline({ contactId: contact.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
