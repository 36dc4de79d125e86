import type { Database } from "../db/client";
import { checkHealth, type Health } from "../health";
import type { Queue } from "../queue/queue";
import type { RuntimeHttpServer } from "./http-server";
import { nextMessage, startTsWorker } from "./ts-worker";
import { wakeContacts } from "./wake";

export type IntakeThreadOptions = { databaseUrl: string; port?: number; host?: string };
export type IntakeEvent =
  | { type: "listening"; port: number; url: string }
  | { type: "failed"; message: string }
  | { type: "wake"; channelId: string; externalIds: string[] }
  | { type: "health?"; id: number }
  | { type: "closed" };
export type IntakeCommand = { type: "health"; id: number; health: Health } | { type: "close" };

// On PostgreSQL, the runtime's webhook front runs in a thread of its own: verifying, storing and
// answering a webhook then never waits behind the flows this process's main thread is running, so the
// platform gets its 200 in the time of one insert even in a burst (DESIGN.md section 4). The events it
// stores wake this process's processor, as they would in one thread. (PGlite lives on one thread.)
export async function startIntakeThread(kaiwa: { database: Database; queue: Queue | null }, options: { port?: number; host?: string } = {}): Promise<Omit<RuntimeHttpServer, "server">> {
  const { database } = kaiwa;
  if (!database.url) throw new Error("the intake thread needs PostgreSQL (DATABASE_URL)");
  const worker = startTsWorker(new URL("./intake-thread-main.ts", import.meta.url), { databaseUrl: database.url, ...options } satisfies IntakeThreadOptions);
  let onClosed = () => {};
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
    worker.once("exit", () => resolve());
  });
  worker.on("message", (event: IntakeEvent) => {
    if (event.type === "wake") wakeContacts(database, event.channelId, event.externalIds);
    if (event.type === "closed") onClosed();
    if (event.type === "health?") {
      void checkHealth(database, kaiwa.queue)
        .catch((error: unknown): Health => ({ status: "unavailable", reason: `health check failed: ${(error as Error).message}` }))
        .then((health) => worker.postMessage({ type: "health", id: event.id, health } satisfies IntakeCommand));
    }
  });
  const first = await nextMessage<IntakeEvent>(worker);
  if (first.type !== "listening") {
    await worker.terminate();
    throw new Error(`the intake thread did not start: ${first.type === "failed" ? first.message : first.type}`);
  }
  return {
    url: first.url,
    port: first.port,
    close: async () => {
      // The thread stops its server and connections, says so, and is then ended.
      worker.postMessage({ type: "close" } satisfies IntakeCommand);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await worker.terminate();
    },
  };
}
