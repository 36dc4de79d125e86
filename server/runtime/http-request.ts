import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import type { HttpRequest, HttpResult } from "@/flows-runtime";

const MAX_RESPONSE_BYTES = 1_000_000;

// Addresses an http_request node may not reach: it would let a flow author probe the server's own
// network (cloud metadata at 169.254.169.254, the database, admin ports).
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(net, prefix, "ipv6");

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // IPv4-mapped (::ffff:127.0.0.1) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
}

// Performs an http_request node's call for the runtime. Never throws: every outcome is an HttpResult
// the flow can branch on. The SSRF guard runs inside the socket's own DNS lookup, so the address
// checked is the address connected to (no DNS-rebinding window).
export async function performHttpRequest(request: HttpRequest, options: { allowHosts?: string[] } = {}): Promise<HttpResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, code: "http_invalid_url", message: `"${request.url}" is not a valid URL` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, code: "http_blocked", message: `only http and https URLs can be called (not ${url.protocol})` };
  }
  const allowed = new Set((options.allowHosts ?? []).map((host) => host.trim().toLowerCase()).filter(Boolean));
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const trusted = allowed.has(hostname) || allowed.has(url.host.toLowerCase());
  let blockedAddress: string | null = null;
  const lookup: LookupFunction = (host, lookupOptions, callback) => {
    dnsLookup(host, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const bad = trusted ? undefined : list.find((entry) => isBlockedAddress(entry.address));
      if (bad) {
        blockedAddress = bad.address;
        return callback(new Error("blocked address"), "", 0);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
  if (!trusted && isIP(hostname) && isBlockedAddress(hostname)) {
    return { ok: false, code: "http_blocked", message: `${hostname} is a private or local address; add it to KAIWA_HTTP_ALLOW_HOSTS to allow it` };
  }

  return new Promise<HttpResult>((resolve) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: request.method, headers: request.headers, lookup, timeout: request.timeoutMs }, (res) => {
      readCapped(res).then((body) => {
        if (body === null) return resolve({ ok: false, code: "http_too_large", message: `the response is larger than ${MAX_RESPONSE_BYTES} bytes` });
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return resolve({ ok: false, code: "http_status", message: `the server answered ${status}`, status });
        const type = String(res.headers["content-type"] ?? "");
        if (!/[/+]json\b/i.test(type)) return resolve({ ok: true, status, body });
        try {
          resolve({ ok: true, status, body: body === "" ? null : JSON.parse(body) });
        } catch {
          resolve({ ok: false, code: "http_invalid_json", message: "the response says JSON but does not parse", status });
        }
      }, (error: Error) => resolve({ ok: false, code: "http_network", message: error.message }));
    });
    const deadline = setTimeout(() => req.destroy(new Error("timeout")), request.timeoutMs);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("close", () => clearTimeout(deadline));
    req.on("error", (error) => {
      clearTimeout(deadline);
      if (blockedAddress) resolve({ ok: false, code: "http_blocked", message: `${hostname} resolves to a private or local address (${blockedAddress}); add it to KAIWA_HTTP_ALLOW_HOSTS to allow it` });
      else if (error.message === "timeout") resolve({ ok: false, code: "http_timeout", message: `no answer within ${request.timeoutMs} ms` });
      else resolve({ ok: false, code: "http_network", message: error.message });
    });
    if (request.body !== undefined && request.method !== "GET") req.write(request.body);
    req.end();
  });
}

function readCapped(res: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        res.destroy();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
  });
}
