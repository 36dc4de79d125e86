import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "../../env.js";
import { ensureBuild, takeLease } from "./ensure-build";
import { freePort } from "./free-port";
import { freshPostgresDatabase } from "./fresh-postgres-database";
import { projectRoot } from "./project-root";

export type RunningApp = {
  url: string;
  port: number;
  database: "pglite" | "postgres";
  dataDir: string;
  // The server's output so far (JSON log lines), for failure messages.
  log: () => string;
  stop: () => Promise<void>;
};

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

// The built Kaiwa app, served by `next start` for one test file: its own free port, its own empty
// database (a PGlite directory, or a PostgreSQL database made for it when DATABASE_URL is set), seeded
// and migrated as in production. Resolves once /api/health answers 200. Builds first if the build is
// missing or stale (see ensureBuild). Call stop() in afterAll: it ends the server's whole process
// group and removes the database. `name` keeps a copy of the server log in test-artifacts/.
export async function startApp(options: { name?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  await ensureBuild();
  const dataDir = mkdtempSync(join(tmpdir(), "kaiwa-browser-"));
  const adminUrl = env().DATABASE_URL;
  const postgresDb = adminUrl ? await freshPostgresDatabase(adminUrl) : null;
  const port = await freePort();
  const logPath = join(dataDir, "server.log");
  const logFd = openSync(logPath, "w");
  const child = spawn(process.execPath, [join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      KAIWA_DATA_DIR: join(dataDir, "db"),
      DATABASE_URL: postgresDb?.url ?? "",
      ...options.env,
    },
    // Its own process group, so stop() ends next's workers too.
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  const releaseLease = takeLease(port);
  const killOnExit = () => killGroup(child, "SIGKILL");
  // If the test process dies without afterAll, do not leave a server behind.
  process.once("exit", killOnExit);

  const log = () => {
    try {
      return readFileSync(logPath, "utf8");
    } catch {
      return "";
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", killOnExit);
    await endProcessGroup(child);
    releaseLease();
    if (options.name) {
      mkdirSync(join(projectRoot, "test-artifacts"), { recursive: true });
      copyFileSync(logPath, join(projectRoot, "test-artifacts", `${options.name}.server.log`));
    }
    await postgresDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, database: postgresDb ? "postgres" : "pglite", dataDir, log, stop };
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode}) before /api/health answered 200:\n${log().slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}):\n${log().slice(-4000)}`);
}

async function endProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone; workers it started may not be.
    killGroup(child, "SIGKILL");
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  // Anything of the group still running after the leader left.
  killGroup(child, "SIGKILL");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}
