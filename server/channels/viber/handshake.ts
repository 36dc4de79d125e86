import type { HandshakeResult, RawWebhook } from "../channel-adapter";
import { parseViberJson } from "./parse-viber-json";

// set_webhook makes Viber post `{"event":"webhook", ...}` and expects 200 before it saves the URL.
// Answered before signature checks: it reveals nothing and starts nothing, and it lets set_webhook
// succeed even before the auth token is saved on our side.
export function viberHandshake(request: RawWebhook): HandshakeResult {
  if (request.method !== "POST" || !request.rawBody.includes('"webhook"')) return null;
  try {
    const body = parseViberJson(request.rawBody) as { event?: unknown } | null;
    return body?.event === "webhook" ? { status: 200, body: "", contentType: "text/plain" } : null;
  } catch {
    return null;
  }
}
