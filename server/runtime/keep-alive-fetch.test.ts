import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string; remotePort: number };

// The sender's platform fetch against a real local server: what the platform receives, what the
// adapter gets back, one connection for sends in a row, and the failures the sender tells apart.
describe("keepAliveFetch", () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), remotePort: request.socket.remotePort! });
        answer(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts the body with its headers, returns the answer as a Response, and reuses the connection", async () => {
    answer = (_request, response) => response.writeHead(200, { "content-type": "application/json", "x-request": "one" }).end(JSON.stringify({ messages: [{ id: "wamid.1" }] }));
    const body = JSON.stringify({ to: "8190", text: { body: "こんにちは" } });
    const first = await keepAliveFetch(`${base}/v21.0/123/messages`, { method: "POST", headers: { authorization: "Bearer token-1", "content-type": "application/json" }, body });
    expect(first.status).toBe(200);
    expect(first.ok).toBe(true);
    expect(first.headers.get("x-request")).toBe("one");
    expect(await first.json()).toEqual({ messages: [{ id: "wamid.1" }] });
    const second = await keepAliveFetch(`${base}/v21.0/123/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
    await second.text();
    const [a, b] = seen.slice(-2);
    expect(a).toMatchObject({ method: "POST", url: "/v21.0/123/messages", body });
    expect(a!.headers).toMatchObject({ authorization: "Bearer token-1", "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
    expect(b!.remotePort).toBe(a!.remotePort);
  });

  it("drops an idle connection a second before the server's announced keep-alive timeout, so no send races its close", async () => {
    const ports: number[] = [];
    const short = createServer((request, response) => {
      ports.push(request.socket.remotePort!);
      response.end("ok");
    });
    short.keepAliveTimeout = 2_000; // announced as "Keep-Alive: timeout=2"
    await new Promise<void>((resolve) => short.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(short.address() as AddressInfo).port}/`;
    try {
      await (await keepAliveFetch(url, { method: "POST", body: "{}" })).text();
      await (await keepAliveFetch(url, { method: "POST", body: "{}" })).text();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await (await keepAliveFetch(url, { method: "POST", body: "{}" })).text();
      expect(ports[1]).toBe(ports[0]);
      expect(ports[2]).not.toBe(ports[0]);
    } finally {
      short.closeAllConnections();
      await new Promise((resolve) => short.close(resolve));
    }
  });

  it("passes an error status with its headers and body, and an empty 204", async () => {
    answer = (_request, response) => response.writeHead(429, { "retry-after": "7" }).end('{"error":{"code":130429}}');
    const limited = await keepAliveFetch(`${base}/limited`, { method: "POST", body: "{}" });
    expect([limited.ok, limited.status, limited.headers.get("retry-after"), await limited.text()]).toEqual([false, 429, "7", '{"error":{"code":130429}}']);
    answer = (_request, response) => response.writeHead(204).end();
    const empty = await keepAliveFetch(`${base}/empty`, { method: "POST", body: new TextEncoder().encode("bytes") });
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
    expect(seen.at(-1)!.body).toBe("bytes");
  });

  it("fails as fetch does: a refused connection carries its code, an aborted call the signal's reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await keepAliveFetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });

    answer = () => {}; // never answers
    const timedOut = await keepAliveFetch(`${base}/slow`, { method: "POST", body: "{}", signal: AbortSignal.timeout(100) }).catch((error: unknown) => error);
    expect((timedOut as Error).name).toBe("TimeoutError");

    answer = (_request, response) => response.writeHead(200, { "content-length": "100" }).write("half"); // a body that never ends
    const cutOff = await keepAliveFetch(`${base}/half`, { method: "POST", body: "{}", signal: AbortSignal.timeout(100) }).catch((error: unknown) => error);
    expect((cutOff as Error).name).toBe("TimeoutError");
  });

  it("hands a body it does not write itself (a form) to fetch", async () => {
    answer = (_request, response) => response.writeHead(200).end("ok");
    const form = new FormData();
    form.append("chat_id", "42");
    const response = await keepAliveFetch(`${base}/sendPhoto`, { method: "POST", body: form });
    expect(await response.text()).toBe("ok");
    expect(seen.at(-1)!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.at(-1)!.body).toContain('name="chat_id"');
  });
});
