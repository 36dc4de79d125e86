import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Kaiwa } from "../boot";
import { checkHealth, healthStatusCode, type Health } from "../health";
import { log } from "../log";
import { rawWebhook } from "./raw-webhook";
import { receiveWebhook } from "./receive-webhook";

export type RuntimeHttpServer = { server: Server; url: string; port: number; close: () => Promise<void> };

// Platforms send small JSON/XML/form bodies; anything this large is not a webhook.
const MAX_BODY_BYTES = 5_000_000;
const webhookPath = /^\/api\/webhooks\/([a-z]+)\/([^/]+)\/?$/;

// The runtime's own HTTP front: the same webhook handling as the Next route, without Next. Used by
// worker processes and by tests and benchmarks that need many processes.
// `health` answers /api/health when the process's health is not this thread's (the intake thread).
export async function startRuntimeHttpServer(kaiwa: Kaiwa, options: { port?: number; host?: string; health?: () => Promise<Health> } = {}): Promise<RuntimeHttpServer> {
  const health = options.health ?? (() => checkHealth(kaiwa.database, kaiwa.queue));
  const server = createServer((req, res) => {
    handle(kaiwa, health, req, res).catch((error: unknown) => {
      log.error("webhook handling failed", { error });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(kaiwa: Kaiwa, health: () => Promise<Health>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? "/";
  const path = target.split("?")[0] ?? "/";
  if (path === "/api/health") {
    const answer = await health();
    return send(res, healthStatusCode(answer), JSON.stringify(answer), "application/json");
  }
  const match = webhookPath.exec(path);
  if (!match || (req.method !== "GET" && req.method !== "POST")) return send(res, 404, JSON.stringify({ error: "not found" }), "application/json");
  const rawBody = await readBody(req);
  if (rawBody === null) return send(res, 413, JSON.stringify({ error: "body too large" }), "application/json");
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const answer = await receiveWebhook(kaiwa.database, {
    type: match[1]!,
    channelId: decodeURIComponent(match[2]!),
    request: rawWebhook({ method: req.method, pathAndQuery: target, headers, rawBody }),
  });
  send(res, answer.status, answer.body, answer.contentType);
}

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
