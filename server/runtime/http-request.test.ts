import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest } from "@/flows-runtime";
import { isBlockedAddress, performHttpRequest } from "./http-request";

// A local API for the flow's http_request node: it sits on loopback, which is exactly what the SSRF
// guard refuses unless the operator allows the host.
describe("http_request calls and the SSRF guard", () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 3_000);
      if (req.url === "/broken") return void res.writeHead(200, { "content-type": "application/json" }).end("{oops");
      if (req.url === "/down") return void res.writeHead(503).end("maintenance");
      if (req.url === "/huge") return void res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(1_500_000));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify({ plan: "pro", seats: 12 }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = (url: string, timeoutMs = 10_000): HttpRequest => ({ method: "GET", url, headers: {}, timeoutMs });
  const allow = () => ({ allowHosts: [`127.0.0.1:${port}`] });

  it("refuses loopback, private, link-local and mapped addresses without connecting", async () => {
    const before = hits;
    for (const url of [`http://127.0.0.1:${port}/`, "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"]) {
      const result = await performHttpRequest(call(url));
      expect(result, url).toMatchObject({ ok: false, code: "http_blocked", message: expect.stringContaining("KAIWA_HTTP_ALLOW_HOSTS") });
    }
    expect(hits).toBe(before);
  });

  it("refuses a host name that resolves to loopback, checked at connect time", async () => {
    const before = hits;
    const result = await performHttpRequest(call(`http://localhost:${port}/`));
    expect(result).toMatchObject({ ok: false, code: "http_blocked", message: expect.stringMatching(/^localhost resolves to a private or local address/) });
    expect(hits).toBe(before);
  });

  it("refuses schemes other than http and https, and invalid URLs", async () => {
    expect(await performHttpRequest(call("file:///etc/passwd"))).toMatchObject({ ok: false, code: "http_blocked" });
    expect(await performHttpRequest(call("not a url"))).toMatchObject({ ok: false, code: "http_invalid_url" });
  });

  it("calls an allowed host and parses its JSON", async () => {
    expect(await performHttpRequest(call(`http://127.0.0.1:${port}/plan`), allow())).toEqual({ ok: true, status: 200, body: { plan: "pro", seats: 12 } });
  });

  it("turns timeouts, error statuses, broken JSON and oversized bodies into failures the flow can branch on", async () => {
    expect(await performHttpRequest(call(`http://127.0.0.1:${port}/slow`, 1_000), allow())).toEqual({ ok: false, code: "http_timeout", message: "no answer within 1000 ms" });
    expect(await performHttpRequest(call(`http://127.0.0.1:${port}/down`), allow())).toMatchObject({ ok: false, code: "http_status", status: 503 });
    expect(await performHttpRequest(call(`http://127.0.0.1:${port}/broken`), allow())).toMatchObject({ ok: false, code: "http_invalid_json" });
    expect(await performHttpRequest(call(`http://127.0.0.1:${port}/huge`), allow())).toMatchObject({ ok: false, code: "http_too_large" });
  });

  it("classifies addresses", () => {
    for (const address of ["127.0.0.1", "10.0.0.8", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "nonsense"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isBlockedAddress(address), address).toBe(false);
  });
});
