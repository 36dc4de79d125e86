import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

// One request as the fake received it, with what it answered: tests assert on both.
export type RecordedRequest = {
  method: string;
  // Path without the query string (Telegram's carries the bot token: tests may assert on it, logs never do).
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  // Parsed JSON when the body was JSON, else undefined.
  json: unknown;
  status: number;
  // The body the fake answered with, as sent.
  response: string;
  // performance.now() when the request arrived (benchmarks time webhook-to-reply with it).
  receivedAt: number;
};

export type FakeResponse = { status: number; headers?: Record<string, string>; body: string | object };

export type IncomingRequest = Omit<RecordedRequest, "status" | "response" | "receivedAt">;

export type FakeApiOptions = {
  // Checks the request against the platform's documented shape and answers like the platform.
  handle: (request: IncomingRequest) => FakeResponse;
  // The platform's own body for a forced failure (failNext); a generic JSON error when absent.
  failure?: (status: number) => FakeResponse["body"];
};

export type FakeApi = {
  url: string;
  requests: RecordedRequest[];
  // The next `times` requests answer `status` (429 with Retry-After, 500...) instead of being handled.
  failNext: (status: number, times?: number, headers?: Record<string, string>) => void;
  // The next `times` requests wait `ms` before answering (timeouts).
  delayNext: (ms: number, times?: number) => void;
  close: () => Promise<void>;
};

export async function startFakeApi(options: FakeApiOptions): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const failures: { status: number; headers: Record<string, string> }[] = [];
  const delays: number[] = [];

  const server = createServer(async (req, res) => {
    const receivedAt = performance.now();
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const base = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: flattenHeaders(req),
      body,
      json: parseJson(body),
    };
    const delay = delays.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = failures.shift();
    const answer: FakeResponse = failure
      ? { status: failure.status, headers: failure.headers, body: options.failure?.(failure.status) ?? { error: `forced ${failure.status}` } }
      : safeHandle(options.handle, base);
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    requests.push({ ...base, status: answer.status, response: text, receivedAt });
    if (res.destroyed) return;
    res.writeHead(answer.status, {
      "content-type": typeof answer.body === "string" ? "text/plain" : "application/json",
      ...answer.headers,
    });
    res.end(text);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (status, times = 1, headers = {}) => {
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
    delayNext: (ms, times = 1) => {
      for (let i = 0; i < times; i++) delays.push(ms);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// A handler that throws is a bug in the fake: answer 500 with the message so the test shows it.
function safeHandle(handle: FakeApiOptions["handle"], request: IncomingRequest): FakeResponse {
  try {
    return handle(request);
  } catch (error) {
    return { status: 500, body: { error: `fake handler failed: ${(error as Error).message}` } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
