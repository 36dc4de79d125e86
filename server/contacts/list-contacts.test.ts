import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { seedDemoWorkspace } from "../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import type { ContactFilterInput } from "./contact-filter";

type Caller = ReturnType<typeof createCaller>;

// The Contacts page's server side on a real database: search, every filter, sorting, keyset pages,
// bulk tagging, and that nothing leaks across workspaces or shows simulator contacts.
describe(`contacts list on ${testBackend()}`, () => {
  let database: TestDatabase;
  let caller: Caller;
  let stranger: Caller;
  let workspaceId: string;
  const ids: Record<string, string> = {};
  const tagIds: Record<string, string> = {};
  let whatsappId = "";
  let telegramId = "";

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemoWorkspace(database);
    workspaceId = demo.workspaceId;
    caller = createCaller({ database, queue: null, workspaceId, userId: demo.ownerId });
    const [other] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('other', 'Other') returning id");
    stranger = createCaller({ database, queue: null, workspaceId: other!.id, userId: demo.ownerId });

    for (const tag of await caller.tags.list()) tagIds[tag.name] = tag.id;
    const people: { key: string; displayName?: string; fields: Record<string, string | number | string[]>; tags: string[] }[] = [
      { key: "yamada", displayName: "Yamada Taro", fields: { email: "taro@example.jp", phone: "+819012345678", company: "Kaiwa KK", company_size: 40 }, tags: ["vip", "new-lead"] },
      { key: "sato", displayName: "佐藤 花子", fields: { email: "hanako@example.jp", company_size: 5, interest: "Pricing and plans" }, tags: ["new-lead"] },
      { key: "smith", fields: { first_name: "Anna", last_name: "Smith", email: "anna@smith.io", company: "Acme", birthday: "1990-04-01" }, tags: ["support"] },
      { key: "lee", displayName: "Lee", fields: { phone: "+14155550123", company_size: 250, interest: "Help with my account", birthday: "1985-12-24" }, tags: ["vip"] },
      { key: "blank", fields: {}, tags: [] },
    ];
    for (const person of people) {
      const created = await caller.contacts.create({ displayName: person.displayName, fields: person.fields, tagIds: person.tags.map((name) => tagIds[name]!) });
      ids[person.key] = created.id;
    }
    const channelRows = await database.query<{ id: string; type: string }>(
      `insert into channels (workspace_id, type, name) values ($1, 'whatsapp', 'WA'), ($1, 'telegram', 'TG') returning id, type`,
      [workspaceId],
    );
    whatsappId = channelRows.find((row) => row.type === "whatsapp")!.id;
    telegramId = channelRows.find((row) => row.type === "telegram")!.id;
    await database.query(
      `insert into contact_identities (workspace_id, contact_id, channel_id, external_id) values ($1, $2, $4, 'wa-1'), ($1, $3, $5, 'tg-1'), ($1, $2, $5, 'tg-2')`,
      [workspaceId, ids.yamada, ids.lee, whatsappId, telegramId],
    );
    // A simulator contact with a matching name, and another workspace's Yamada: neither may ever show up.
    await database.query("insert into contacts (workspace_id, display_name, is_test) values ($1, 'Yamada Test', true)", [workspaceId]);
    await stranger.contacts.create({ displayName: "Yamada Elsewhere", fields: { email: "taro@example.jp" } });
  });
  afterAll(async () => {
    await database.drop();
  });

  const names = async (filter: ContactFilterInput, sort?: { by: "name" | "created" | "last_activity"; direction: "asc" | "desc" }) =>
    (await caller.contacts.list({ filter, sort, limit: 200 })).contacts.map((contact) => contact.name).sort();

  it("searches names in English and Japanese, width- and case-insensitively", async () => {
    expect(await names({ search: "yamada" })).toEqual(["Yamada Taro"]);
    expect(await names({ search: "ｙａｍａｄａ" })).toEqual(["Yamada Taro"]);
    expect(await names({ search: "YAMADA taro" })).toEqual(["Yamada Taro"]);
    expect(await names({ search: "佐藤" })).toEqual(["佐藤 花子"]);
    expect(await names({ search: "anna smith" })).toEqual(["Anna Smith"]);
  });

  it("searches email, phone (also typed nationally) and any field value", async () => {
    expect(await names({ search: "anna@smith" })).toEqual(["Anna Smith"]);
    expect(await names({ search: "+81 90-1234-5678" })).toEqual(["Yamada Taro"]);
    expect(await names({ search: "090-1234-5678" })).toEqual(["Yamada Taro"]);
    expect(await names({ search: "acme" })).toEqual(["Anna Smith"]);
    expect(await names({ search: "50%_off" })).toEqual([]);
  });

  it("filters by tag, any or all", async () => {
    expect(await names({ tagIds: [tagIds.vip!, tagIds.support!], tagMode: "any" })).toEqual(["Anna Smith", "Lee", "Yamada Taro"]);
    expect(await names({ tagIds: [tagIds.vip!, tagIds["new-lead"]!], tagMode: "all" })).toEqual(["Yamada Taro"]);
  });

  it("filters by field value: equals, contains, greater, less, is set", async () => {
    expect(await names({ fields: [{ key: "interest", operator: "equals", value: "Pricing and plans" }] })).toEqual(["佐藤 花子"]);
    expect(await names({ fields: [{ key: "company_size", operator: "equals", value: "40" }] })).toEqual(["Yamada Taro"]);
    expect(await names({ fields: [{ key: "company", operator: "contains", value: "ＫＡＩＷＡ" }] })).toEqual(["Yamada Taro"]);
    expect(await names({ fields: [{ key: "company_size", operator: "greater", value: "10" }] })).toEqual(["Lee", "Yamada Taro"]);
    expect(await names({ fields: [{ key: "company_size", operator: "less", value: "100" }] })).toEqual(["Yamada Taro", "佐藤 花子"]);
    expect(await names({ fields: [{ key: "birthday", operator: "less", value: "1989-01-01" }] })).toEqual(["Lee"]);
    expect(await names({ fields: [{ key: "phone", operator: "is_set", value: "" }] })).toEqual(["Lee", "Yamada Taro"]);
    // Several conditions narrow together.
    expect(await names({ fields: [{ key: "company_size", operator: "greater", value: "10" }, { key: "phone", operator: "is_set" }], tagIds: [tagIds["new-lead"]!] })).toEqual(["Yamada Taro"]);
  });

  it("filters by channel", async () => {
    expect(await names({ channelTypes: ["telegram"] })).toEqual(["Lee", "Yamada Taro"]);
    expect(await names({ channelTypes: ["whatsapp"] })).toEqual(["Yamada Taro"]);
    expect(await names({ channelTypes: ["line"] })).toEqual([]);
    const listed = (await caller.contacts.list({ filter: { search: "yamada" } })).contacts[0]!;
    expect(listed.channelTypes).toEqual(["telegram", "whatsapp"]);
    expect(listed.tags.map((tag) => tag.name)).toEqual(["new-lead", "vip"]);
  });

  it("filters by the entry point a contact came through", async () => {
    const [poster] = await database.query<{ id: string }>(
      "insert into entry_points (workspace_id, channel_id, name, ref) values ($1, $2, 'Poster QR', 'poster') returning id",
      [workspaceId, whatsappId],
    );
    await database.query("update contacts set entry_point_id = $1 where id = $2", [poster!.id, ids.sato]);
    expect(await names({ entryPointIds: [poster!.id] })).toEqual(["佐藤 花子"]);
    expect(await names({ entryPointIds: [poster!.id], search: "yamada" })).toEqual([]);
  });

  it("filters by a saved segment, together with the page's own filter", async () => {
    const segment = await caller.segments.create({ name: "VIPs", filter: { tagIds: [tagIds.vip!] } });
    expect(await names({ segmentId: segment.id })).toEqual(["Lee", "Yamada Taro"]);
    expect(await names({ segmentId: segment.id, search: "lee" })).toEqual(["Lee"]);
    // Another workspace cannot borrow the segment: it matches nobody there.
    expect((await stranger.contacts.list({ filter: { segmentId: segment.id } })).contacts).toEqual([]);
  });

  it("sorts by name, created and last activity, both ways", async () => {
    const byName = (await caller.contacts.list({ sort: { by: "name", direction: "asc" } })).contacts.map((contact) => contact.name);
    expect(byName.indexOf("Anna Smith")).toBeLessThan(byName.indexOf("Lee"));
    expect(byName.indexOf("Lee")).toBeLessThan(byName.indexOf("Yamada Taro"));
    const byNameDesc = (await caller.contacts.list({ sort: { by: "name", direction: "desc" } })).contacts.map((contact) => contact.name);
    expect(byNameDesc).toEqual([...byName].reverse());

    const created = (await caller.contacts.list({ sort: { by: "created", direction: "asc" } })).contacts.map((contact) => contact.id);
    expect(created.indexOf(ids.yamada!)).toBeLessThan(created.indexOf(ids.blank!));

    // A message makes Lee the most recently active contact.
    await database.query(
      "insert into messages (workspace_id, contact_id, channel_id, direction, status, content, created_at) values ($1, $2, $3, 'inbound', 'received', '{}', now() + interval '1 hour')",
      [workspaceId, ids.lee, telegramId],
    );
    const active = (await caller.contacts.list({ sort: { by: "last_activity", direction: "desc" } })).contacts;
    expect(active[0]!.name).toBe("Lee");
  });

  it("never lists simulator contacts or another workspace's contacts", async () => {
    const all = (await caller.contacts.list({ limit: 200 })).contacts;
    expect(all.map((contact) => contact.name)).not.toContain("Yamada Test");
    expect(all.map((contact) => contact.name)).not.toContain("Yamada Elsewhere");
    expect(await caller.contacts.count({ filter: {} })).toBe(5);
    expect((await stranger.contacts.list({})).contacts.map((contact) => contact.name)).toEqual(["Yamada Elsewhere"]);
    await expect(stranger.contacts.get({ id: ids.yamada! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.contacts.setField({ contactId: ids.yamada!, key: "email", value: "x@y.z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Bulk tagging in the other workspace with our tag is refused, and touches nothing of ours.
    await expect(stranger.contacts.bulkTag({ filter: {}, tagId: tagIds.vip!, action: "remove" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("bulk adds and removes a tag on exactly the filtered set", async () => {
    const filter: ContactFilterInput = { fields: [{ key: "company_size", operator: "greater", value: "1" }] };
    const added = await caller.contacts.bulkTag({ filter, tagId: tagIds["pricing-interest"]!, action: "add" });
    expect(added.changed).toBe(3);
    expect(await names({ tagIds: [tagIds["pricing-interest"]!] })).toEqual(["Lee", "Yamada Taro", "佐藤 花子"]);
    // Adding again changes nobody; contacts keep one row per tag.
    expect((await caller.contacts.bulkTag({ filter, tagId: tagIds["pricing-interest"]!, action: "add" })).changed).toBe(0);
    const removed = await caller.contacts.bulkTag({ filter: { search: "yamada" }, tagId: tagIds["pricing-interest"]!, action: "remove" });
    expect(removed.changed).toBe(1);
    expect(await names({ tagIds: [tagIds["pricing-interest"]!] })).toEqual(["Lee", "佐藤 花子"]);
    // The simulator contact matched by name was never tagged.
    const [testTags] = await database.query<{ count: number }>(
      "select count(*)::int as count from contact_tags ct join contacts c on c.id = ct.contact_id where c.is_test",
    );
    expect(Number(testTags!.count)).toBe(0);
  });
});
