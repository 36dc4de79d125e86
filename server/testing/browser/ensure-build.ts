import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { projectRoot } from "./project-root";

// What goes into the production build. Tests, test harnesses and scratch files at the root do not.
const SOURCE_DIRS = ["app", "components", "server", "flows-runtime", "drizzle", "public"];
const SOURCE_FILES = ["next.config.js", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "instrumentation.ts", "proxy.ts", "middleware.ts"];
const NOT_BUILT = /(\.test\.tsx?$)|(^server\/testing\/)/;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const BUILD_NICENESS = 10;

// Shared by every test process of this checkout: the build lock, and leases of servers running the build.
export const buildStateDir = join(tmpdir(), `kaiwa-test-build-${createHash("sha1").update(projectRoot).digest("hex").slice(0, 10)}`);

// Makes sure .next holds a production build of the current sources: builds when BUILD_ID is missing or
// older than the newest source file. Test files start in parallel, so one builds while the others wait
// on a lock file, then find the build current. A build that a running test server is serving is never
// replaced under it (its tests would fail mid-way); it is reused, slightly stale, instead.
export async function ensureBuild(): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (buildIsCurrent()) return { built: false, ms: 0 };
  mkdirSync(buildStateDir, { recursive: true });
  const release = await acquireLock(join(buildStateDir, "build.lock"));
  try {
    if (buildIsCurrent()) return { built: false, ms: Date.now() - started };
    if (buildExists() && liveLeases().length > 0) {
      console.warn("[browser tests] sources changed since the last build, but a test server is serving it: reusing it");
      return { built: false, ms: 0 };
    }
    // The files waiting on the lock get the same failure at once instead of failing the same build again.
    const sources = newestSourceMtime();
    const failure = readFailure();
    if (failure?.sources === sources) throw new Error(failure.message);
    try {
      await runNextBuild();
    } catch (error) {
      writeFileSync(failurePath, JSON.stringify({ sources, message: (error as Error).message }));
      throw error;
    }
    rmSync(failurePath, { force: true });
    return { built: true, ms: Date.now() - started };
  } finally {
    release();
  }
}

const failurePath = join(buildStateDir, "last-failure.json");

function readFailure(): { sources: number; message: string } | null {
  try {
    return JSON.parse(readFileSync(failurePath, "utf8")) as { sources: number; message: string };
  } catch {
    return null;
  }
}

export function buildIsCurrent(): boolean {
  const buildId = join(projectRoot, ".next", "BUILD_ID");
  let builtAt: number;
  try {
    builtAt = statSync(buildId).mtimeMs;
  } catch {
    return false;
  }
  return newestSourceMtime() <= builtAt;
}

function buildExists(): boolean {
  try {
    statSync(join(projectRoot, ".next", "BUILD_ID"));
    return true;
  } catch {
    return false;
  }
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    if (NOT_BUILT.test(relative(projectRoot, path))) return;
    newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) visit(join(projectRoot, dir));
  for (const file of SOURCE_FILES) visit(join(projectRoot, file));
  return newest;
}

async function runNextBuild(): Promise<void> {
  const logDir = join(projectRoot, "test-artifacts");
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, "next-build.log");
  const log = openSync(logPath, "w");
  console.log("[browser tests] building the app (next build); log in test-artifacts/next-build.log");
  try {
    const child = spawn(process.execPath, [join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
      cwd: projectRoot,
      // vitest runs with NODE_ENV=test, which Next refuses to build with as intended.
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", log, log],
    });
    // Other test files keep running meanwhile, some of them timing-sensitive: let them have the CPU first.
    try {
      if (child.pid) setPriority(child.pid, BUILD_NICENESS);
    } catch {
      // not permitted here: build at normal priority
    }
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`next build took longer than ${BUILD_TIMEOUT_MS / 60_000} minutes`));
      }, BUILD_TIMEOUT_MS);
      child.on("error", reject);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0) {
      const tail = readFileSync(logPath, "utf8").split("\n").slice(-40).join("\n");
      throw new Error(`next build failed (exit ${code}); the end of test-artifacts/next-build.log:\n${tail}`);
    }
  } finally {
    closeSync(log);
  }
}

// A lock file holding its owner's pid; a lock whose owner died (a killed test run) is taken over.
async function acquireLock(path: string): Promise<() => void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 60_000;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(readFileOr(path, ""));
    if (!owner || !isAlive(owner)) {
      try {
        unlinkSync(path);
      } catch {
        // another waiter took it over first
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited too long for the build lock held by process ${owner} (${path})`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// A lease says "a server of this process is serving .next"; ensureBuild() does not rebuild under it.
export function takeLease(port: number): () => void {
  mkdirSync(buildStateDir, { recursive: true });
  const path = join(buildStateDir, `lease-${process.pid}-${port}`);
  writeFileSync(path, String(process.pid));
  return () => {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
}

function liveLeases(): string[] {
  let entries: string[];
  try {
    entries = readdirSync(buildStateDir).filter((entry) => entry.startsWith("lease-"));
  } catch {
    return [];
  }
  return entries.filter((entry) => {
    const pid = Number(entry.split("-")[1]);
    if (pid && isAlive(pid)) return true;
    try {
      unlinkSync(join(buildStateDir, entry));
    } catch {
      // gone already
    }
    return false;
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readFileOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return fallback;
  }
}
