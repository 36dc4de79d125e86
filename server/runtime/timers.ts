import type { Database } from "../db/client";
import { env } from "../env.js";
import { log } from "../log";
import type { Queue } from "../queue/queue";
import { HTTP_TIMEOUT_QUEUE, TIMER_QUEUE, type HttpTimeoutJob, type TimerJob } from "./apply-actions";
import type { PendingHttpRequest } from "./flow-run";
import { performHttpRequest } from "./http-request";
import { storeEvents } from "./ingest";

// Waits and question timeouts are pg-boss jobs (they survive restarts). When one fires it becomes a
// synthetic inbound event of its contact, processed in order with the contact's messages; a timer the
// session no longer waits on is ignored by the engine. The dedupe key makes a redelivered job a no-op.
export async function startTimerWorkers(database: Database, queue: Queue): Promise<void> {
  await queue.createQueue(TIMER_QUEUE);
  await queue.createQueue(HTTP_TIMEOUT_QUEUE);
  await queue.work<TimerJob>(TIMER_QUEUE, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const data = job.data;
      await storeEvents(database, { id: data.channelId, workspaceId: data.workspaceId }, [
        { kind: "timer", dedupeKey: `timer:${data.sessionId}:${data.key}`, contact: { externalId: data.externalId }, key: data.key },
      ]);
    }
  });
  await queue.work<HttpTimeoutJob>(HTTP_TIMEOUT_QUEUE, { batchSize: 20, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const data = job.data;
      // Usually the real result was stored long ago and this insert is a duplicate that does nothing.
      await storeEvents(database, { id: data.channelId, workspaceId: data.workspaceId }, [
        {
          kind: "http_result",
          dedupeKey: `http:${data.sessionId}:${data.requestId}`,
          contact: { externalId: data.externalId },
          requestId: data.requestId,
          result: { ok: false, code: "http_timeout", message: `no answer within ${data.timeoutMs} ms` },
        },
      ]);
    }
  });
}

// After the step that asked for it has committed: call, then feed the result back to the contact.
export async function runHttpRequest(database: Database, pending: PendingHttpRequest): Promise<void> {
  const allowHosts = env().KAIWA_HTTP_ALLOW_HOSTS.split(",");
  const result = await performHttpRequest(pending.request, { allowHosts });
  try {
    await storeEvents(database, pending.channel, [
      { kind: "http_result", dedupeKey: `http:${pending.sessionId}:${pending.requestId}`, contact: { externalId: pending.externalId }, requestId: pending.requestId, result },
    ]);
  } catch (error) {
    // The timeout job delivers a failure result instead; the flow does not hang.
    log.error("HTTP result could not be stored", { requestId: pending.requestId, error });
  }
}
