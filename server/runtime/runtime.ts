import { EventEmitter } from "node:events";
import type { Kaiwa } from "../boot";
import { log } from "../log";
import { defaultConcurrency, startContactProcessor, type ContactProcessor } from "./contact-processor";
import { answerInteractions } from "./answer-interactions";
import type { AfterCommit } from "./flow-run";
import { startOutboxSender, type DeliveredMessage, type OutboxSender } from "./outbox-sender";
import { runHttpRequest, startTimerWorkers } from "./timers";
import { registerWaker } from "./wake";

export type Runtime = {
  kaiwa: Kaiwa;
  processor: ContactProcessor;
  sender: OutboxSender;
  // Resolves when every queued contact has been processed and every due send attempted (tests).
  settle: () => Promise<void>;
  stop: () => Promise<void>;
};

export type RuntimeEvents = EventEmitter<{ outbound: [DeliveredMessage] }>;

// Process-wide (Next bundles each route separately, so module state is not shared): the runtime and
// its event bus live on globalThis.
const holder = globalThis as typeof globalThis & {
  __kaiwaRuntime?: Promise<Runtime>;
  __kaiwaRuntimeEvents?: RuntimeEvents;
  __kaiwaRuntimeOptions?: RuntimeOptions;
};

export type RuntimeOptions = { concurrency?: number; outboxLeaseSeconds?: number; sendTimeoutMs?: number };

// Set before the process-wide runtime starts (the worker's command line).
export function configureRuntime(options: RuntimeOptions): void {
  holder.__kaiwaRuntimeOptions = options;
}

// "outbound" fires after an outbound message was accepted by the platform (the web-chat stream listens;
// it must also poll, since another worker process may deliver).
export const runtimeEvents: RuntimeEvents = (holder.__kaiwaRuntimeEvents ??= new EventEmitter() as RuntimeEvents);
runtimeEvents.setMaxListeners(0);

export function startRuntime(kaiwa: Kaiwa): Promise<Runtime> {
  holder.__kaiwaRuntime ??= createRuntime(kaiwa, holder.__kaiwaRuntimeOptions).catch((error: unknown) => {
    holder.__kaiwaRuntime = undefined;
    throw error;
  });
  return holder.__kaiwaRuntime;
}

export async function getRuntime(): Promise<Runtime> {
  if (holder.__kaiwaRuntime) return holder.__kaiwaRuntime;
  const { getKaiwa } = await import("../boot");
  return startRuntime(await getKaiwa());
}

export async function stopRuntime(): Promise<void> {
  const running = holder.__kaiwaRuntime;
  holder.__kaiwaRuntime = undefined;
  if (running) await (await running).stop();
}

// Several runtimes in one process, each on its own database (tests); not registered globally.
export async function createRuntime(kaiwa: Kaiwa, options: RuntimeOptions = {}): Promise<Runtime> {
  const { database, queue } = kaiwa;
  const sender = startOutboxSender(database, {
    onDelivered: (message) => runtimeEvents.emit("outbound", message),
    ...(options.outboxLeaseSeconds ? { leaseSeconds: options.outboxLeaseSeconds } : {}),
    ...(options.sendTimeoutMs ? { sendTimeoutMs: options.sendTimeoutMs } : {}),
  });
  const onCommitted = (after: AfterCommit) => {
    if (after.outbound > 0) sender.wake();
    for (const pending of after.httpRequests) void runHttpRequest(database, pending);
    if (after.interactions.length > 0) void answerInteractions(database, after.interactions);
  };
  const processor = startContactProcessor({ database, queue, onCommitted }, { concurrency: options.concurrency ?? defaultConcurrency(database) });
  registerWaker(database, processor.wake);
  if (queue) await startTimerWorkers(database, queue);
  else log.warn("runtime started without the job queue: waits and HTTP timeouts will not fire");
  log.info("runtime started", { database: database.kind });
  return {
    kaiwa,
    processor,
    sender,
    settle: async () => {
      await processor.idle();
      await sender.idle();
      await processor.idle();
    },
    stop: async () => {
      registerWaker(database, null);
      await processor.stop();
      await sender.stop();
      if (queue) {
        await queue.offWork("kaiwa.timer").catch(() => {});
        await queue.offWork("kaiwa.http-timeout").catch(() => {});
      }
    },
  };
}
