import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../testing/browser/free-port";

export type WorkerProcess = { url: string; port: number; child: ChildProcess; output: () => string; stop: () => Promise<void>; kill9: () => Promise<void> };

// A real worker process (`node --import tsx server/runtime/worker.ts`) on the given database, ready when /api/health answers.
export async function startWorkerProcess(databaseUrl: string, options: { port?: number; leaseSeconds?: number } = {}): Promise<WorkerProcess> {
  const port = options.port ?? (await freePort());
  // node itself (not the tsx CLI, which runs node as a child): kill -9 must hit the worker process.
  const args = ["--import", "tsx", "server/runtime/worker.ts", "--port", String(port), "--host", "127.0.0.1"];
  if (options.leaseSeconds) args.push("--outbox-lease-seconds", String(options.leaseSeconds));
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, KAIWA_DEMO_SEED: "false", KAIWA_QUEUE: "true", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`worker exited during start-up:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`worker did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
    kill9: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
