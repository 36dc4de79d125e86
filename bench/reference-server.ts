import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/server/db/client";
import { withTransaction } from "@/server/runtime/transaction";

// The yardstick for the runtime benchmark: a plain node:http server that does by hand, per WhatsApp
// message, the SQL work Kaiwa's pipeline does (store the event once, find or create the contact, its
// conversation and the inbound message, move the session, queue a reply with its outbox row) in one
// transaction, answering 200 after commit. No framework, no engine, no sending.
export async function startReferenceServer(database: Database, ids: { appSecret: string; workspaceId: string; channelId: string }) {
  const [flow] = await database.query<{ id: string; published_version_id: string }>(
    "select id, published_version_id from flows where workspace_id = $1 and published_version_id is not null order by created_at limit 1",
    [ids.workspaceId],
  );
  const server = createServer((req, res) => {
    handle(req).then(
      (status) => res.writeHead(status).end(),
      () => res.writeHead(500).end(),
    );
  });
  const handle = async (req: IncomingMessage): Promise<number> => {
    const body = await readBody(req);
    const expected = Buffer.from(`sha256=${createHmac("sha256", ids.appSecret).update(body).digest("hex")}`);
    const given = Buffer.from(String(req.headers["x-hub-signature-256"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 401;
    const value = JSON.parse(body).entry[0].changes[0].value;
    const message = value.messages[0];
    await withTransaction(database, async (tx) => {
      const stored = await tx.query(
        `insert into inbound_events (workspace_id, channel_id, dedupe_key, kind, payload, contact_external_id, processed_at)
         values ($1, $2, $3, 'message', $4::jsonb, $5, now()) on conflict (channel_id, dedupe_key) do nothing returning id`,
        [ids.workspaceId, ids.channelId, message.id, JSON.stringify(message), message.from],
      );
      if (stored.length === 0) return;
      let [identity] = await tx.query<{ contact_id: string }>("select contact_id from contact_identities where channel_id = $1 and external_id = $2", [ids.channelId, message.from]);
      if (!identity) {
        [identity] = await tx.query<{ contact_id: string }>(
          `with c as (insert into contacts (workspace_id, display_name) values ($1, $2) returning id)
           insert into contact_identities (workspace_id, contact_id, channel_id, external_id) select $1, c.id, $3, $4 from c returning contact_id`,
          [ids.workspaceId, value.contacts[0].profile.name, ids.channelId, message.from],
        );
      }
      const contactId = identity!.contact_id;
      let [conversation] = await tx.query<{ id: string }>("select id from conversations where contact_id = $1 and channel_id = $2 and status = 'open'", [contactId, ids.channelId]);
      if (!conversation) {
        [conversation] = await tx.query<{ id: string }>("insert into conversations (workspace_id, contact_id, channel_id) values ($1, $2, $3) returning id", [ids.workspaceId, contactId, ids.channelId]);
      }
      await tx.query(
        "insert into messages (workspace_id, conversation_id, contact_id, channel_id, direction, status, content) values ($1, $2, $3, $4, 'inbound', 'received', $5::jsonb)",
        [ids.workspaceId, conversation!.id, contactId, ids.channelId, JSON.stringify(message)],
      );
      const moved = await tx.query("update sessions set state = state, version = version + 1, updated_at = now() where contact_id = $1 and status = 'waiting' returning id", [contactId]);
      if (moved.length === 0) {
        await tx.query("insert into sessions (workspace_id, contact_id, flow_id, flow_version_id, status, state) values ($1, $2, $3, $4, 'waiting', '{}'::jsonb)", [ids.workspaceId, contactId, flow!.id, flow!.published_version_id]);
      }
      await tx.query(
        `with m as (
           insert into messages (workspace_id, conversation_id, contact_id, channel_id, direction, status, content)
           values ($1, $2, $3, $4, 'outbound', 'queued', '{"text":"reply"}'::jsonb) returning id
         )
         insert into outbox (workspace_id, message_id, channel_id, contact_id, payload, idempotency_key, status)
         select $1, m.id, $4, $3, '{}'::jsonb, m.id::text, 'sent' from m`,
        [ids.workspaceId, conversation!.id, contactId, ids.channelId],
      );
    });
    return 200;
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
