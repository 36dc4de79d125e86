import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { FetchLike } from "../channels/channel-adapter";

// As many connections per platform host as the sender has sends in flight.
const MAX_SOCKETS = 256;
// An idle connection is closed by us before the server closes it: a send written onto a connection the
// server is closing fails with its outcome unknown, and a send without an idempotency key is then not
// retried. Node's agent applies a server's "Keep-Alive: timeout=N" hint (less a second) only below its
// own timeout, so one must be set; 4 s is under the usual 5 s.
const IDLE_MS = 4_000;
const agents = {
  "http:": new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_MS }),
  "https:": new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_MS }),
};

// The sender's fetch for a platform call: node:http on kept-alive connections, the request's headers
// and body in one write. In a burst the send path was ~11% of the flow thread's CPU under undici's
// fetch (WHATWG streams, a second write for the body), which does more per call. Same contract as fetch
// for what adapters do: a Response once the body has arrived, a TypeError("fetch failed") whose cause
// carries the socket's error code, the signal's reason when aborted. Redirects are not followed
// (platform APIs do not redirect a send). A body other than a string or bytes goes to fetch itself.
// Async, so that even a URL that does not parse rejects rather than throws.
export const keepAliveFetch: FetchLike = async (input, init) => {
  const url = new URL(input);
  const body = init.body ?? undefined;
  const agent = url.protocol === "http:" || url.protocol === "https:" ? agents[url.protocol] : null;
  if (!agent || !(body === undefined || typeof body === "string" || body instanceof Uint8Array) || (init.headers !== undefined && !isPlainHeaders(init.headers))) {
    return fetch(input, init);
  }
  const signal = init.signal ?? null;
  if (signal?.aborted) throw signal.reason;
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) headers["content-length"] = String(Buffer.byteLength(body));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const request = send(url, { method: init.method ?? "GET", headers, agent });
    const onAbort = () => request.destroy(signal!.reason instanceof Error ? signal!.reason : new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", onAbort, { once: true });
    const fail = (error: Error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
    };
    request.on("error", fail);
    request.on("response", (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("error", fail);
      // A body cut off (the signal destroyed the request, the connection dropped) must still settle.
      answer.on("close", () => {
        if (!answer.complete) fail(new Error("the answer's body was cut off"));
      });
      answer.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = answer.statusCode ?? 502;
        const nullBody = status === 204 || status === 205 || status === 304;
        try {
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: answer.statusMessage ?? "", headers: responseHeaders(answer) }));
        } catch (error) {
          // A status or header fetch would not accept either.
          reject(new TypeError("fetch failed", { cause: error }));
        }
      });
    });
    request.end(body);
  });
};

function isPlainHeaders(headers: HeadersInit): headers is Record<string, string> {
  return !(headers instanceof Headers) && !Array.isArray(headers);
}

function responseHeaders(answer: IncomingMessage): Headers {
  const headers = new Headers();
  for (let index = 0; index < answer.rawHeaders.length; index += 2) headers.append(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
  return headers;
}
