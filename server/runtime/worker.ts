import { getKaiwa } from "../boot";
import { log } from "../log";
import { startRuntimeHttpServer } from "./http-server";
import { startIntakeThread } from "./intake-thread";
import { configureRuntime, stopRuntime } from "./runtime";

// Settings come from server/env.js; only the listening address is given on the command line.
function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// A runtime worker process (`npm run worker -- --port 3001`): inbound processing, the outbox sender,
// timers, and the webhook endpoints on --port (default 3001), in their own thread on PostgreSQL.
// Several may run against one PostgreSQL; PGlite allows one process per data directory, so with the
// embedded database run either this or `next`, not both.
async function main(): Promise<void> {
  // How long a send may be in flight before it counts as interrupted (tests shorten it).
  const lease = argument("--outbox-lease-seconds");
  if (lease) configureRuntime({ outboxLeaseSeconds: Number(lease) });
  const kaiwa = await getKaiwa();
  if (!kaiwa.queue) log.warn("KAIWA_QUEUE=false: this worker only stores webhooks; nothing processes them here");
  const port = Number(argument("--port") ?? 3001);
  const address = { port, host: argument("--host") ?? "0.0.0.0" };
  // On PostgreSQL webhooks are answered from a thread of their own, never behind the flows running here.
  const http = kaiwa.database.kind === "postgres" ? await startIntakeThread(kaiwa, address) : await startRuntimeHttpServer(kaiwa, address);
  log.info("worker listening", { port: http.port });
  // Machine-readable for tests that start workers on port 0.
  if (process.send) process.send({ type: "listening", port: http.port });
  const shutdown = async () => {
    await http.close();
    await stopRuntime();
    await kaiwa.queue?.stop({ graceful: false, wait: false }).catch(() => {});
    await kaiwa.database.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((error: unknown) => {
  log.error("worker failed to start", { error });
  process.exit(1);
});
