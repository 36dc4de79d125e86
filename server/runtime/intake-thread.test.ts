import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { testBackend } from "../testing/test-database";
import { startIntakeThread } from "./intake-thread";
import { startHarness, type Harness } from "./testing/runtime-harness";

const botToken = "123456:TEST-token_abc";
const secretToken = "intake-thread-secret";
const fixture = (name: string) => readFileSync(new URL(`../channels/telegram/fixtures/${name}.json`, import.meta.url), "utf8");
const signed = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };

// A worker process on PostgreSQL answers webhooks from its intake thread and runs the flows on its
// main thread: the two must behave as one process to the platform and to the operator.
describe.skipIf(testBackend() !== "postgres")("webhooks answered from the intake thread (postgres)", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;

  beforeAll(async () => {
    harness = await startHarness({}, { intakeThread: true });
    api = await startFakeTelegramApi({ botToken });
    channelId = await harness.createChannel("telegram", { botToken, secretToken }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("stores the webhook, wakes this process's processor at once, and the contact gets the flow's replies", async () => {
    const response = await harness.post("telegram", channelId, fixture("text"), signed);
    expect(response.status).toBe(200);
    await expect.poll(() => api.requests.filter((request) => request.path.endsWith("/sendMessage")).length, { timeout: 10_000 }).toBe(2);
    // Woken by the thread's message, not found later by the sweeper (it only takes events 2 s old).
    const [event] = await harness.database.query<{ waited_ms: number }>(
      "select extract(epoch from processed_at - received_at) * 1000 as waited_ms from inbound_events where channel_id = $1",
      [channelId],
    );
    expect(Number(event!.waited_ms)).toBeLessThan(2_000);
  });

  it("refuses a bad signature there, as the main thread would", async () => {
    const response = await harness.post("telegram", channelId, fixture("text"), { ...signed, "x-telegram-bot-api-secret-token": "wrong" });
    expect(response.status).toBe(403);
    const [stored] = await harness.database.query<{ n: number }>("select count(*)::int as n from inbound_events where channel_id = $1", [channelId]);
    expect(stored!.n).toBe(1);
  });

  it("stops when asked, without waiting out its 5-second fallback, and then takes no more webhooks", async () => {
    const front = await startIntakeThread(harness.kaiwa);
    const started = performance.now();
    await front.close();
    // A worker's SIGTERM waits for this: a thread kept alive would hold every shutdown for 5 s.
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(fetch(`${front.url}/api/health`)).rejects.toThrow();
  });

  it("reports the process's health, queue included, not the thread's", async () => {
    const response = await fetch(`${harness.http.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { kind: "postgres" }, queue: { state: "running" } });
  });
});
