import type { Database } from "../../db/client";
import { loadHistory } from "./conversation-feed";
import { checkVisitor, jsonResponse } from "./webchat-http";

// GET /api/webchat/<key>/history?visitorId&token: the conversation so far, for a reopened page.
export async function handleWebchatHistory(database: Database, publicKey: string, request: Request): Promise<Response> {
  const check = await checkVisitor(database, publicKey, new URL(request.url).searchParams);
  if (!check.ok) return check.response;
  return jsonResponse(200, await loadHistory(database, check.channel.id, check.visitorId));
}
