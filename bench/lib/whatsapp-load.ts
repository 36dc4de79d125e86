import { encryptJson } from "@/server/crypto/secret-box";
import type { Database } from "@/server/db/client";
import type { Queue } from "@/server/queue/queue";
import { startRuntimeHttpServer } from "@/server/runtime/http-server";
import { startIntakeThread } from "@/server/runtime/intake-thread";
import { createRuntime } from "@/server/runtime/runtime";
import { nextMessage, startTsWorker } from "@/server/runtime/ts-worker";
import type { FakeApiReport } from "./fake-api-worker";
import type { TrafficRequest, TrafficResult } from "./survey-traffic-worker";

export const appSecret = "bench-app-secret";
const phoneNumberId = "1065400001";
export const SENDERS = 32;

export type LoadResult = { messages: number; seconds: number; toAck: number[]; toReply: number[]; errors: number; sentAt: Map<string, number> };
export type FakeApiWorker = { url: string; report: () => Promise<FakeApiReport>; close: () => Promise<void> };

// Kaiwa as a worker process runs it (the runtime, and its webhook front: on PostgreSQL the intake
// thread) with a WhatsApp channel whose replies go to a fake Cloud API in a thread of its own.
export async function startWhatsappKaiwa(database: Database, queue: Queue, workspaceId: string) {
  const runtime = await createRuntime({ database, queue });
  const http = database.kind === "postgres" ? await startIntakeThread({ database, queue }) : await startRuntimeHttpServer({ database, queue });
  const api = await startFakeApiWorker();
  const [channel] = await database.query<{ id: string }>(
    // A number on Meta's highest throughput tier (1,000 messages/s), so pacing does not cap the run.
    `insert into channels (workspace_id, type, name, credentials_encrypted, api_base_url, config)
     values ($1, 'whatsapp', 'Bench', $2, $3, '{"sendRatePerSecond": 1000}'::jsonb) returning id`,
    [workspaceId, encryptJson({ phoneNumberId, accessToken: "EAAbench", appSecret, verifyToken: "bench-verify" }), api.url],
  );
  return {
    api,
    channelId: channel!.id,
    webhookUrl: `${http.url}/api/webhooks/whatsapp/${channel!.id}`,
    close: async () => {
      await http.close();
      await runtime.stop();
      await api.close();
    },
  };
}

// The load runs in a worker thread of its own, as the platform's servers would be another machine.
export async function sendSurveyTraffic(url: string, contacts: number, prefix: string, load: TrafficRequest["load"] = { senders: SENDERS }): Promise<LoadResult> {
  const request: TrafficRequest = { url, contacts, prefix, appSecret, phoneNumberId, load };
  const worker = startTsWorker(new URL("./survey-traffic-worker.ts", import.meta.url), request);
  try {
    const result = await nextMessage<TrafficResult>(worker);
    return { ...result, toReply: [], sentAt: new Map(result.sentAt) };
  } finally {
    await worker.terminate();
  }
}

async function startFakeApiWorker(): Promise<FakeApiWorker> {
  const worker = startTsWorker(new URL("./fake-api-worker.ts", import.meta.url), null);
  const { url } = await nextMessage<{ url: string }>(worker);
  return {
    url,
    report: () => {
      const reply = nextMessage<FakeApiReport>(worker);
      worker.postMessage("requests");
      return reply;
    },
    close: async () => {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}

// Every stored event processed and every due reply sent (the harness's own idle checks, by SQL);
// returns when the last event was processed, to tell a processing backlog from a sending one.
export async function settled(database: { query: <Row>(text: string) => Promise<Row[]> }): Promise<{ eventsDoneAt: number }> {
  let eventsDoneAt: number | null = null;
  for (;;) {
    const [row] = await database.query<{ events: number; outbox: number }>(
      "select (select count(*)::int from inbound_events where processed_at is null) as events, (select count(*)::int from outbox where status in ('pending', 'sending')) as outbox",
    );
    if (row && row.events === 0) eventsDoneAt ??= performance.now();
    if (row && row.events === 0 && row.outbox === 0) return { eventsDoneAt: eventsDoneAt ?? performance.now() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
