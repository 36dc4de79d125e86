import type { Database } from "../../db/client";
import { ingestEvents } from "../../runtime/ingest";
import { findWebchatChannel } from "./find-webchat-channel";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";
import { isVisitorToken } from "./visitor-token";
import { forbiddenResponse, jsonResponse, notFoundResponse, readJsonBody } from "./webchat-http";
import { webchatEvent, webchatMessageBodySchema } from "./webchat-message";

// 10 messages per 10 s per visitor: far above anyone typing, low enough to stop a script.
const defaultLimiter = createRateLimiter({ limit: 10, windowMs: 10_000 });

export type MessageOptions = { limiter?: RateLimiter; now?: () => number };

// POST /api/webchat/<key>/messages: one visitor message, stored (deduplicated by the widget's
// clientMessageId) and answered at once; the flow runs afterwards and its replies arrive on /stream.
export async function handleWebchatMessage(database: Database, publicKey: string, request: Request, options: MessageOptions = {}): Promise<Response> {
  const channel = await findWebchatChannel(database, publicKey);
  if (!channel) return notFoundResponse();
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = webchatMessageBodySchema.safeParse(body.value);
  if (!parsed.success) return jsonResponse(400, { error: parsed.error.issues[0]?.message ?? "invalid message" });
  const message = parsed.data;
  if (!isVisitorToken(channel.id, message.visitorId, message.token)) return forbiddenResponse();

  const limiter = options.limiter ?? defaultLimiter;
  const limitKey = `${channel.id}:${message.visitorId}`;
  if (!limiter.take(limitKey)) {
    const seconds = Math.max(1, Math.ceil(limiter.retryAfterMs(limitKey) / 1000));
    return jsonResponse(429, { error: "Too many messages: please wait a moment." }, { "retry-after": String(seconds) });
  }

  const now = options.now?.() ?? Date.now();
  const result = await ingestEvents(database, channel, [webchatEvent(message, now)]);
  return jsonResponse(202, { ok: true, duplicate: result.stored === 0 });
}
