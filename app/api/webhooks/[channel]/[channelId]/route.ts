import { getKaiwa } from "@/server/boot";
import { rawWebhook } from "@/server/runtime/raw-webhook";
import { receiveWebhook } from "@/server/runtime/receive-webhook";

// Platform webhooks: handshake (GET) and events (POST). Thin: the signature is checked on the raw
// body text exactly as received, and everything else happens in server/runtime.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { params: Promise<{ channel: string; channelId: string }> };

async function handle(request: Request, { params }: Params): Promise<Response> {
  const { channel, channelId } = await params;
  const { database } = await getKaiwa();
  const url = new URL(request.url);
  const answer = await receiveWebhook(database, {
    type: channel,
    channelId,
    request: rawWebhook({ method: request.method, pathAndQuery: `${url.pathname}${url.search}`, headers: request.headers, rawBody: await request.text() }),
  });
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType } });
}

export const GET = handle;
export const POST = handle;
