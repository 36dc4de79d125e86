import type { Database } from "../../db/client";
import { findWebchatChannel, type WebchatChannel } from "./find-webchat-channel";
import { isVisitorToken } from "./visitor-token";

// The widget runs on customers' own sites: any origin may call these endpoints. Nothing rides on
// cookies (the visitor's id and token travel in the request), so a wildcard origin grants nothing.
export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type, last-event-id",
  "access-control-max-age": "86400",
};

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export const notFoundResponse = () => jsonResponse(404, { error: "unknown web chat" });
export const forbiddenResponse = () => jsonResponse(403, { error: "this conversation belongs to another visitor" });

export type VisitorCheck = { ok: true; channel: WebchatChannel; visitorId: string } | { ok: false; response: Response };

// The channel the key names and the visitor the token proves, for the read endpoints (query string).
export async function checkVisitor(database: Database, publicKey: string, query: URLSearchParams): Promise<VisitorCheck> {
  const channel = await findWebchatChannel(database, publicKey);
  if (!channel) return { ok: false, response: notFoundResponse() };
  const visitorId = query.get("visitorId") ?? "";
  const token = query.get("token") ?? "";
  if (!visitorId || !token || !isVisitorToken(channel.id, visitorId, token)) return { ok: false, response: forbiddenResponse() };
  return { ok: true, channel, visitorId };
}

// The widget posts JSON as text/plain (no CORS preflight per message); either content type is read.
export async function readJsonBody(request: Request, maxBytes = 16_384): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.length > maxBytes) return { ok: false, response: jsonResponse(413, { error: "message too large" }) };
  if (!text.trim()) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonResponse(400, { error: "the body is not JSON" }) };
  }
}
