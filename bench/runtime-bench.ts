import { monitorEventLoopDelay } from "node:perf_hooks";
import { seedDemoWorkspace } from "@/server/db/seed";
import { startQueue } from "@/server/queue/queue";
import { createTestDatabase } from "@/server/testing/test-database";
import { machineFacts, percentile, target, type BenchResult } from "./lib/bench-result";
import type { DeliveredReply } from "./lib/fake-api-worker";
import { appSecret, SENDERS, sendSurveyTraffic, settled, startWhatsappKaiwa, type LoadResult } from "./lib/whatsapp-load";
import { startReferenceServer } from "./reference-server";

type Options = { smoke: boolean; contacts?: number[] };

// Kaiwa's webhook server (the runtime's own HTTP front, as worker processes run it) receiving signed
// WhatsApp webhooks from N contacts going through the published onboarding survey, with a local fake
// Cloud API receiving the replies; then, in the same run, a minimal hand-written server doing the
// same SQL per message, for a ratio.
export async function runtimeBench({ smoke, contacts: counts }: Options): Promise<BenchResult> {
  const contactCounts = counts ?? (smoke ? [10] : [100, 10_000]);
  const database = await createTestDatabase();
  const postgresVersion = database.kind === "postgres" ? ((await database.query<{ v: string }>("select current_setting('server_version') as v"))[0]?.v ?? null) : null;
  const { workspaceId } = await seedDemoWorkspace(database);
  const queue = await startQueue(database);
  const kaiwa = await startWhatsappKaiwa(database, queue, workspaceId);
  const { api, channelId } = kaiwa;
  const result: BenchResult["figures"] = { database: database.kind };
  const targets: NonNullable<BenchResult["targets"]> = [];
  let refusedBefore = 0;
  try {
    for (const contacts of contactCounts) {
      const prefix = `8190${String(contacts).padStart(5, "0")}`;
      const started = performance.now();
      const load = await sendSurveyTraffic(kaiwa.webhookUrl, contacts, prefix);
      const { eventsDoneAt } = await settled(database);
      // Sustained throughput is messages fully handled (flow run, replies sent) per second, not intake.
      const handledSeconds = (performance.now() - started) / 1000;
      const processedSeconds = Math.round((eventsDoneAt - started) / 100) / 10;
      const delivered = await api.report();
      load.toReply = replyLatencies(load.sentAt, delivered.replies);
      // Replies the fake Cloud API refused as Meta would (a malformed send is an error too).
      const refusedSends = delivered.rejected.length - refusedBefore;
      refusedBefore = delivered.rejected.length;
      const rate = load.messages / handledSeconds;
      result[`contacts${contacts}`] = { ...summary(load), refusedSends, handledPerSecond: Math.round(rate), handledSeconds: Math.round(handledSeconds * 10) / 10, processedSeconds };
      if (contacts === contactCounts.at(-1)) {
        // The reference runs in the same process and run, on the same database, for a fair ratio.
        const reference = await startReferenceServer(database, { appSecret, workspaceId, channelId });
        const baseline = await sendSurveyTraffic(`${reference.url}/webhook`, contacts, `${prefix}9`);
        await reference.close();
        // The reference does all its work before answering: its intake rate is its handled rate.
        const referenceRate = baseline.messages / baseline.seconds;
        result.reference = { ...summary(baseline), note: "hand-written node:http server, same SQL per message, no flow engine or sending" } as never;
        result.ratioToReference = Math.round((rate / referenceRate) * 100) / 100;
        if (smoke) {
          // Seconds of traffic from ten contacts say nothing about the targets.
        } else if (database.kind === "postgres") {
          targets.push(target("≥ 3,000 messages/s sustained on PostgreSQL", Math.round(rate), 3_000, "higher", "msg/s"));
          targets.push(target("p99 webhook-to-200 ≤ 50 ms", percentile(load.toAck, 99), 50, "lower", "ms"));
          targets.push(target("≥ 60% of the reference server's throughput", result.ratioToReference, 0.6, "higher", "×"));
        } else {
          targets.push(target("≥ 500 messages/s on PGlite", Math.round(rate), 500, "higher", "msg/s"));
        }
      }
    }
    if (database.kind === "postgres" || smoke) {
      const fixed = await fixedRateRun(database, kaiwa.webhookUrl, smoke ? { ratePerSecond: 50, seconds: 1 } : { ratePerSecond: 1_000, seconds: 15 });
      result.fixedRate = fixed;
      if (!smoke) {
        targets.push(target("at 1,000 messages/s: p50 webhook-to-200 ≤ 5 ms", fixed.ackP50, 5, "lower", "ms"));
        targets.push(target("at 1,000 messages/s: p99 webhook-to-200 ≤ 25 ms", fixed.ackP99, 25, "lower", "ms"));
      }
    }
  } finally {
    await kaiwa.close();
    await queue.stop({ graceful: false, wait: false }).catch(() => {});
    await database.drop();
  }
  return {
    name: `runtime-${database.kind}`,
    workload: `${SENDERS} concurrent senders, signed WhatsApp webhooks from ${contactCounts.join(" then ")} contacts, 4 messages each through the published onboarding survey${database.kind === "postgres" || smoke ? "; then messages at a fixed rate (fixedRate), open loop" : ""}`,
    machine: machineFacts(postgresVersion),
    figures: result,
    targets,
    smoke,
  };
}

// Open loop: an ad's traffic arrives at its own pace, not when we have answered the last message.
async function fixedRateRun(database: { query: <Row>(text: string) => Promise<Row[]> }, url: string, load: { ratePerSecond: number; seconds: number }) {
  const started = performance.now();
  // Four messages per contact: the survey.
  const contacts = Math.ceil((load.ratePerSecond * load.seconds) / 4);
  // How late this process's event loop ran meanwhile: a webhook's answer waits for it too.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const run = await sendSurveyTraffic(url, contacts, "8191", load);
  loopDelay.disable();
  const { eventsDoneAt } = await settled(database);
  return {
    ...load,
    contacts,
    sent: run.messages,
    achievedPerSecond: Math.round(run.messages / run.seconds),
    errors: run.errors,
    ackP50: percentile(run.toAck, 50),
    ackP95: percentile(run.toAck, 95),
    ackP99: percentile(run.toAck, 99),
    processedSeconds: Math.round((eventsDoneAt - started) / 100) / 10,
    eventLoopDelayP50: Math.round(loopDelay.percentile(50) / 1e5) / 10,
    eventLoopDelayP99: Math.round(loopDelay.percentile(99) / 1e5) / 10,
  };
}

function summary(load: LoadResult) {
  return {
    intakePerSecond: Math.round(load.messages / load.seconds),
    messages: load.messages,
    errors: load.errors,
    ackP50: percentile(load.toAck, 50),
    ackP95: percentile(load.toAck, 95),
    ackP99: percentile(load.toAck, 99),
    ...(load.toReply.length > 0 ? { replyP50: percentile(load.toReply, 50), replyP99: percentile(load.toReply, 99) } : {}),
  };
}

// From each webhook to the first reply the fake Cloud API received for that contact after it (both
// on wall-clock milliseconds, as they come from different threads).
function replyLatencies(sentAt: Map<string, number>, replies: DeliveredReply[]): number[] {
  const byContact = new Map<string, number[]>();
  for (const reply of replies) {
    let list = byContact.get(reply.to);
    if (!list) byContact.set(reply.to, (list = []));
    list.push(reply.receivedAt);
  }
  const latencies: number[] = [];
  for (const [key, t0] of sentAt) {
    const arrivals = byContact.get(key.split("|")[0]!) ?? [];
    const first = arrivals.find((at) => at >= t0);
    if (first !== undefined) latencies.push(first - t0);
  }
  return latencies;
}
