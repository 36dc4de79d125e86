import type { ChannelType } from "@/flows-runtime";
import type { Kaiwa } from "../../boot";
import { encryptJson } from "../../crypto/secret-box";
import { seedDemoWorkspace } from "../../db/seed";
import { startQueue } from "../../queue/queue";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { startIntakeThread } from "../intake-thread";
import { startRuntimeHttpServer, type RuntimeHttpServer } from "../http-server";
import { createRuntime, type Runtime, type RuntimeOptions } from "../runtime";

export type Harness = {
  database: TestDatabase;
  kaiwa: Kaiwa;
  runtime: Runtime;
  http: Omit<RuntimeHttpServer, "server">;
  workspaceId: string;
  ownerId: string;
  createChannel: (type: ChannelType, credentials: unknown, apiBaseUrl?: string | null) => Promise<string>;
  post: (type: ChannelType, channelId: string, body: string, headers?: Record<string, string>, query?: string) => Promise<{ status: number; body: string }>;
  get: (type: ChannelType, channelId: string, query: string) => Promise<{ status: number; body: string }>;
  // Waits until every stored event is processed and every due send attempted.
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

// A whole runtime on a fresh database: the demo workspace (its onboarding survey published as the
// default flow), pg-boss, the processor, the sender, and the real webhook HTTP server on a free port.
// `intakeThread`: webhooks are answered from the intake thread, as a worker process on PostgreSQL does.
export async function startHarness(options: RuntimeOptions = {}, front: { intakeThread?: boolean } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const { workspaceId, ownerId } = await seedDemoWorkspace(database);
  const queue = await startQueue(database);
  const kaiwa: Kaiwa = { database, queue };
  const runtime = await createRuntime(kaiwa, options);
  const http = front.intakeThread ? await startIntakeThread(kaiwa) : await startRuntimeHttpServer(kaiwa);
  const request = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${http.url}${path}`, { method, body, headers });
    return { status: response.status, body: await response.text() };
  };
  return {
    database,
    kaiwa,
    runtime,
    http,
    workspaceId,
    ownerId,
    createChannel: async (type, credentials, apiBaseUrl = null) => {
      const [row] = await database.query<{ id: string }>(
        "insert into channels (workspace_id, type, name, credentials_encrypted, api_base_url) values ($1, $2, $3, $4, $5) returning id",
        [workspaceId, type, `Test ${type}`, encryptJson(credentials), apiBaseUrl],
      );
      return row!.id;
    },
    post: (type, channelId, body, headers = {}, query = "") => request("POST", `/api/webhooks/${type}/${channelId}${query}`, body, headers),
    get: (type, channelId, query) => request("GET", `/api/webhooks/${type}/${channelId}${query}`),
    settle: async () => {
      // Events can be stored by a request whose wake raced the check: poll until the table agrees.
      for (let i = 0; i < 600; i++) {
        await runtime.settle();
        const [row] = await database.query<{ n: number }>("select count(*)::int as n from inbound_events where processed_at is null");
        const [out] = await database.query<{ n: number }>(
          "select count(*)::int as n from outbox where status = 'sending' or (status = 'pending' and next_attempt_at <= now() + interval '1 second')",
        );
        if (row?.n === 0 && out?.n === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("the runtime did not settle within 30 s");
    },
    close: async () => {
      await http.close();
      await runtime.stop();
      await queue.stop({ graceful: false, wait: false }).catch(() => {});
      await database.drop();
    },
  };
}

export type OutboundRow = { text: string | null; status: string; error: string | null; external_id: string | null };

export async function outboundMessages(database: TestDatabase, channelId: string): Promise<OutboundRow[]> {
  return database.query<OutboundRow>(
    `select content->>'text' as text, status, error, external_id from messages
     where channel_id = $1 and direction = 'outbound' order by seq`,
    [channelId],
  );
}
