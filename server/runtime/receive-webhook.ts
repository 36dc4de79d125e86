import type { Database } from "../db/client";
import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channels/channel-adapter";
import { log } from "../log";
import { cachedChannel, shouldTouchChannel } from "./channel-cache";
import { ingestEvents } from "./ingest";

export type WebhookAnswer = { status: number; body: string; contentType: string };

const json = (status: number, body: object): WebhookAnswer => ({ status, body: JSON.stringify(body), contentType: "application/json" });

// One webhook request, from either HTTP front (the Next route or the runtime's own server). Refusals
// (unknown channel, bad signature, malformed body) never touch contacts, messages or events; events
// are stored before the answer and the flows run after it.
export async function receiveWebhook(
  database: Database,
  input: { type: string; channelId: string; request: RawWebhook },
): Promise<WebhookAnswer> {
  const loaded = await cachedChannel(database, input.channelId);
  if (!loaded || loaded.type !== input.type || loaded.simulator) return json(404, { error: "unknown channel" });
  const { adapter, channel } = loaded;
  if (shouldTouchChannel(database, loaded.id)) {
    await database.query("update channels set last_webhook_at = now() where id = $1", [loaded.id]);
  }
  if (!channel) {
    // Fail closed: without credentials nothing can be verified.
    await recordProblem(database, loaded.id, `Webhook refused: ${loaded.credentialsProblem}`);
    return json(403, { error: "forbidden" });
  }

  if (adapter.handshake) {
    const handshake = adapter.handshake(input.request, channel);
    if (handshake) return { status: handshake.status, body: handshake.body, contentType: handshake.contentType ?? "text/plain" };
  }
  if (input.request.method !== "POST") return json(405, { error: "method not allowed" });

  const verified = adapter.verify(input.request, channel);
  if (!verified.ok) {
    // The reason is ours (e.g. "signature mismatch"), never the expected value; the answer says less still.
    await recordProblem(database, loaded.id, `Webhook refused (${verified.status}): ${verified.reason}`);
    return json(verified.status, { error: verified.status === 401 ? "unauthorized" : "forbidden" });
  }

  let events: NormalisedEvent[];
  try {
    events = adapter.normalise(input.request, channel);
  } catch (error) {
    if (!(error instanceof MalformedWebhookError)) throw error;
    await recordProblem(database, loaded.id, `Malformed webhook: ${error.message}`);
    return json(400, { error: "malformed webhook" });
  }

  if (events.length > 0) await ingestEvents(database, { id: loaded.id, workspaceId: loaded.workspaceId, type: loaded.type }, events);
  const ack = adapter.acknowledge?.();
  return ack ? { status: 200, body: ack.body, contentType: ack.contentType } : { status: 200, body: "ok", contentType: "text/plain" };
}

async function recordProblem(database: Database, channelId: string, problem: string): Promise<void> {
  log.warn("webhook refused", { channelId, problem });
  await database.query("update channels set last_error = $2, last_error_at = now() where id = $1", [channelId, problem.slice(0, 500)]);
}
