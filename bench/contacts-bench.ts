import { createCaller } from "@/server/api/root";
import { seedDemoWorkspace } from "@/server/db/seed";
import { createTestDatabase } from "@/server/testing/test-database";
import { figures, machineFacts, type BenchResult } from "./lib/bench-result";

// The Contacts page's server side at scale: 100,000 contacts, then the first page, a page deep in the
// list (keyset cursor), a search, a tag filter and the live count, each timed over several runs.
export async function contactsBench({ smoke }: { smoke: boolean }): Promise<BenchResult> {
  const total = smoke ? 2_000 : 100_000;
  const runs = smoke ? 2 : 7;
  const database = await createTestDatabase();
  const postgres = database.kind === "postgres" ? ((await database.query<{ v: string }>("select current_setting('server_version') as v"))[0]?.v ?? null) : null;
  try {
    const { workspaceId, ownerId } = await seedDemoWorkspace(database);
    const caller = createCaller({ database, queue: null, workspaceId, userId: ownerId });
    await database.query(
      `insert into contacts (workspace_id, display_name, fields)
       select $1, 'Person ' || i, jsonb_build_object('email', 'person' || i || '@example.com', 'company_size', i % 500)
       from generate_series(1, ${total}) as i`,
      [workspaceId],
    );
    const [vip] = await database.query<{ id: string }>("select id from tags where workspace_id = $1 and name = 'vip'", [workspaceId]);
    await database.query(
      "insert into contact_tags (workspace_id, contact_id, tag_id) select $1, id, $2 from contacts where workspace_id = $1 and (fields->>'company_size')::int % 10 = 0",
      [workspaceId, vip!.id],
    );
    await database.query("analyze contacts");
    await database.query("analyze contact_tags");
    const timed = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await work();
        times.push(performance.now() - started);
      }
      return figures(times, "ms");
    };
    let deepCursor: string | undefined;
    for (let page = 0; page < 40; page++) deepCursor = (await caller.contacts.list({ limit: 50, cursor: deepCursor })).nextCursor ?? undefined;
    return {
      name: `contacts-${database.kind}`,
      workload: `${total} contacts (10% tagged vip): first page, page 41 by cursor, search, tag filter, count`,
      machine: machineFacts(postgres),
      figures: {
        firstPage: await timed(() => caller.contacts.list({ limit: 50 })),
        deepPage: await timed(() => caller.contacts.list({ limit: 50, cursor: deepCursor })),
        byName: await timed(() => caller.contacts.list({ limit: 50, sort: { by: "name", direction: "asc" } })),
        search: await timed(() => caller.contacts.list({ limit: 50, filter: { search: "person 4242" } })),
        tagFilter: await timed(() => caller.contacts.list({ limit: 50, filter: { tagIds: [vip!.id] } })),
        count: await timed(() => caller.contacts.count({ filter: { tagIds: [vip!.id] } })),
      },
      smoke,
    };
  } finally {
    await database.drop();
  }
}
