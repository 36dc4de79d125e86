import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../db/client";
import type { Health } from "../health";
import { log } from "../log";
import { startRuntimeHttpServer } from "./http-server";
import type { IntakeCommand, IntakeEvent, IntakeThreadOptions } from "./intake-thread";
import { registerWaker } from "./wake";

// The intake thread (see intake-thread.ts): its own few connections, the runtime's HTTP front, and
// every stored contact handed to the process's processor by message.
async function main(port: NonNullable<typeof parentPort>, options: IntakeThreadOptions): Promise<void> {
  const database = await openDatabase({ url: options.databaseUrl, poolSize: INTAKE_CONNECTIONS });
  const tell = (event: IntakeEvent) => port.postMessage(event);
  registerWaker(database, (channelId, externalIds) => tell({ type: "wake", channelId, externalIds }));
  // Health is the process's (its queue and runtime live on the main thread): asked for there.
  const pendingHealth = new Map<number, (health: Health) => void>();
  let nextHealthId = 0;
  const health = () =>
    new Promise<Health>((resolve) => {
      const id = nextHealthId++;
      pendingHealth.set(id, resolve);
      tell({ type: "health?", id });
    });
  const http = await startRuntimeHttpServer({ database, queue: null }, { port: options.port, host: options.host, health });
  port.on("message", (command: IntakeCommand) => {
    if (command.type === "health") {
      pendingHealth.get(command.id)?.(command.health);
      pendingHealth.delete(command.id);
      return;
    }
    void http
      .close()
      .then(() => database.close())
      .finally(() => tell({ type: "closed" }));
  });
  tell({ type: "listening", port: http.port, url: http.url });
}

// Enough for a burst's inserts (they are coalesced) and the occasional channel lookup.
const INTAKE_CONNECTIONS = 4;

if (parentPort) {
  const port = parentPort;
  main(port, workerData as IntakeThreadOptions).catch((error: unknown) => {
    log.error("intake thread failed to start", { error });
    port.postMessage({ type: "failed", message: (error as Error).message } satisfies IntakeEvent);
  });
}
