import { z } from "zod";
import type { Database } from "../../db/client";
import { findWebchatChannel } from "./find-webchat-channel";
import { isVisitorToken, newVisitorId, visitorToken } from "./visitor-token";
import { jsonResponse, notFoundResponse, readJsonBody } from "./webchat-http";

const sessionBodySchema = z.object({ visitorId: z.string().max(100).optional(), token: z.string().max(200).optional() });

// POST /api/webchat/<key>/session: resumes the visitor the widget remembers when its token is right,
// otherwise starts a new one (a stale token after a key rotation simply means a fresh conversation).
export async function handleWebchatSession(database: Database, publicKey: string, request: Request): Promise<Response> {
  const channel = await findWebchatChannel(database, publicKey);
  if (!channel) return notFoundResponse();
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = sessionBodySchema.safeParse(body.value);
  const remembered = parsed.success ? parsed.data : {};
  const resumed = Boolean(remembered.visitorId && remembered.token && isVisitorToken(channel.id, remembered.visitorId, remembered.token));
  const visitorId = resumed ? remembered.visitorId! : newVisitorId();
  return jsonResponse(200, {
    visitorId,
    token: visitorToken(channel.id, visitorId),
    resumed,
    title: channel.settings.title || channel.name,
    greeting: channel.settings.greeting ?? null,
  });
}
