import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";

type Run = { code: number; stdout: string; stderr: string };

// The admin CLI as an operator runs it: a separate process on the configured database (a fresh
// PostgreSQL database, or a fresh embedded data directory), asserting on what it prints.
describe("the kaiwa admin CLI", () => {
  let dir: string;
  let database: TestDatabase | null = null;
  let cliEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kaiwa-cli-"));
    if (testBackend() === "postgres") database = await createTestDatabase({ migrate: false });
    cliEnv = { ...process.env, KAIWA_DATA_DIR: join(dir, "data"), DATABASE_URL: database?.url ?? "", KAIWA_PUBLIC_URL: "https://bots.example.com", LOG_LEVEL: "error" };
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const kaiwa = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile("node", ["--import", "tsx", "server/cli/kaiwa.ts", ...args], { env: cliEnv, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });

  it("creates a channel from credentials and prints its id and webhook URL", async () => {
    const created = await kaiwa("channel", "create", "--type", "telegram", "--name", "Support bot", "--credentials", JSON.stringify({ botToken: "123456:ABC-def", secretToken: "secret-token-1" }));
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const channel = JSON.parse(created.stdout) as { id: string; webhookUrl: string };
    expect(channel).toMatchObject({ type: "telegram", name: "Support bot", webhookUrl: `https://bots.example.com/api/webhooks/telegram/${channel.id}` });
    const listed = await kaiwa("channel", "list");
    expect(listed.stdout).toContain(`${channel.id}  telegram   Support bot  https://bots.example.com/api/webhooks/telegram/${channel.id}`);
    // The bot token is a secret: it is stored encrypted and never printed.
    expect(listed.stdout + created.stdout).not.toContain("123456:ABC-def");
  }, 120_000);

  it("refuses bad input with a clear message and a non-zero exit, creating nothing", async () => {
    const before = (await kaiwa("channel", "list")).stdout;
    expect(await kaiwa("channel", "create", "--type", "fax", "--name", "X")).toMatchObject({ code: 1, stderr: expect.stringContaining("--type must be one of whatsapp") });
    expect(await kaiwa("channel", "create", "--type", "line", "--name", "X", "--credentials", "{oops")).toMatchObject({ code: 1, stderr: "kaiwa: --credentials is not valid JSON\n" });
    const missing = await kaiwa("channel", "create", "--type", "line", "--name", "X", "--credentials", "{}");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kaiwa: Channel secret: required/);
    expect((await kaiwa("channel", "list")).stdout).toBe(before);
    expect(await kaiwa("flow", "launch")).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "flow launch"') });
  }, 120_000);

  it("imports a flow, publishes it as the default, and lists it with its version", async () => {
    const file = join(dir, "welcome.json");
    writeFileSync(file, JSON.stringify(buildDoc({ name: "CLI welcome", nodes: { t: ["trigger", { anyMessage: true }], hi: ["message", { text: "Hello from the CLI" }] }, edges: ["t -> hi"] })));
    const imported = await kaiwa("flow", "import", file, "--publish", "--default");
    expect(imported.code).toBe(0);
    const flow = JSON.parse(imported.stdout) as { id: string; name: string; publishedVersion: number };
    expect(flow).toMatchObject({ name: "CLI welcome", publishedVersion: 1 });
    const republished = JSON.parse((await kaiwa("flow", "publish", flow.id)).stdout) as { version: number; hash: string };
    expect(republished.version).toBe(2);
    const listed = (await kaiwa("flow", "list")).stdout.split("\n");
    expect(listed).toContain(`${flow.id}  v2 (default)  CLI welcome`);
    // The demo flows are there too, and only one flow is the default.
    expect(listed.filter((line) => line.includes("(default)"))).toHaveLength(1);
  }, 120_000);

  it("refuses to publish a flow that does not compile, and says why", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(buildDoc({ name: "No trigger", nodes: { hi: ["message", { text: "Hi" }] } })));
    const imported = await kaiwa("flow", "import", file);
    expect(imported.code).toBe(0);
    const { id } = JSON.parse(imported.stdout) as { id: string };
    const published = await kaiwa("flow", "publish", id);
    expect(published.code).toBe(1);
    expect(published.stderr).toMatch(/^kaiwa: This flow has 1 error to fix before it can be published\.\n  no_trigger: /);
    expect((await kaiwa("flow", "list")).stdout).toContain(`${id}  draft  No trigger`);
  }, 120_000);
});
