import type { EventEmitter } from "node:events";
import type { Database } from "../../db/client";
import type { DeliveredMessage } from "../../runtime/outbox-sender";
import { runtimeEvents } from "../../runtime/runtime";
import { botMessagesAfter } from "./conversation-feed";
import { checkVisitor, corsHeaders } from "./webchat-http";

export type StreamOptions = {
  // Fallback poll: another worker process may deliver, and its "outbound" events never reach us.
  pollMs?: number;
  // Comment lines keep proxies and load balancers from closing an idle stream.
  heartbeatMs?: number;
  events?: EventEmitter<{ outbound: [DeliveredMessage] }>;
};

const encoder = new TextEncoder();

// GET /api/webchat/<key>/stream?visitorId&token&after=<cursor>: server-sent events, one `message`
// event per bot message delivered after the cursor (the event id is the new cursor, so a reconnect
// resumes exactly where it left off). Ends cleanly when the visitor goes away.
export async function handleWebchatStream(database: Database, publicKey: string, request: Request, options: StreamOptions = {}): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const check = await checkVisitor(database, publicKey, query);
  if (!check.ok) return check.response;
  const { channel, visitorId } = check;
  let cursor = parseCursor(query.get("after")) ?? parseCursor(request.headers.get("last-event-id")) ?? 0;
  const events = options.events ?? runtimeEvents;

  let closed = false;
  let pumping: Promise<void> | null = null;
  let again = false;
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      // Pumps never overlap: a wake-up during a pump runs one more right after it.
      const pump = () => {
        if (closed) return;
        if (pumping) {
          again = true;
          return;
        }
        pumping = (async () => {
          do {
            again = false;
            try {
              for (const message of await botMessagesAfter(database, channel.id, visitorId, cursor)) {
                cursor = Math.max(cursor, message.cursor ?? cursor);
                write(`id: ${cursor}\nevent: message\ndata: ${JSON.stringify(message)}\n\n`);
              }
            } catch {
              // A failed poll (database restarting) is retried by the next tick.
            }
          } while (again && !closed);
        })().finally(() => {
          pumping = null;
        });
      };
      const onOutbound = (delivered: DeliveredMessage) => {
        if (delivered.channelId === channel.id) pump();
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };

      events.on("outbound", onOutbound);
      const poll = setInterval(pump, options.pollMs ?? 1_000);
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), options.heartbeatMs ?? 15_000);
      const onAbort = () => close();
      request.signal.addEventListener("abort", onAbort);
      cleanup = () => {
        clearInterval(poll);
        clearInterval(heartbeat);
        events.off("outbound", onOutbound);
        request.signal.removeEventListener("abort", onAbort);
      };
      // The browser's own reconnect delay, should the widget rely on EventSource's retry.
      write("retry: 3000\n: connected\n\n");
      pump();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });

  return new Response(stream, {
    status: 200,
    headers: {
      ...corsHeaders,
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps `next start`'s gzip from buffering the stream.
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

function parseCursor(value: string | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}
