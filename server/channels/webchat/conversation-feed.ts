import type { Database } from "../../db/client";
import { toWidgetMessage, type FeedRow, type WidgetMessage } from "./widget-message";

const HISTORY_LIMIT = 200;

// Bot messages reach the widget once the sender has marked them sent: the same "delivered" moment
// as on every other channel, and in the sender's per-contact order. The outbox sequence orders the
// messages of one step (they share a created_at) and is the stream's cursor.
// Driven from the outbox's (channel, contact, seq) index: the stream polls this every second.
const BOT_ROWS = `
  select 'bot' as sender, m.id::text as id, m.content, m.created_at as at, 1 as rank, o.seq
  from outbox o join messages m on m.id = o.message_id
  where o.channel_id = $1
    and o.contact_id = (select contact_id from contact_identities where channel_id = $1 and external_id = $2)
    and m.direction = 'outbound' and m.status in ('sent', 'delivered', 'read')`;

// The visitor's side comes from the stored events, not from `messages`: an event is there as soon as
// the POST is answered, before the flow has run, so a reload right after sending still shows it.
const VISITOR_ROWS = `
  select 'visitor' as sender, e.id::text as id, e.payload as content, e.received_at as at, 0 as rank, e.seq
  from inbound_events e
  where e.channel_id = $1 and e.contact_external_id = $2 and e.kind = 'message'`;

// The conversation so far, oldest first (the latest HISTORY_LIMIT entries). A reply is written by a
// transaction that starts after its message was stored, so timestamps order the two sides; the rank
// and sequence break ties within one side.
export async function loadHistory(database: Database, channelId: string, visitorId: string): Promise<{ messages: WidgetMessage[]; cursor: number }> {
  const rows = await database.query<FeedRow>(
    `select sender, id, content, at, seq from (${VISITOR_ROWS} union all ${BOT_ROWS}) feed
     order by at desc, rank desc, seq desc limit ${HISTORY_LIMIT}`,
    [channelId, visitorId],
  );
  const messages = rows.reverse().map(toWidgetMessage);
  return { messages, cursor: await latestCursor(database, channelId, visitorId) };
}

// Bot messages delivered after `cursor`, in order.
export async function botMessagesAfter(database: Database, channelId: string, visitorId: string, cursor: number, limit = 100): Promise<WidgetMessage[]> {
  const rows = await database.query<FeedRow>(`${BOT_ROWS} and o.seq > $3 order by o.seq limit ${limit}`, [channelId, visitorId, cursor]);
  return rows.map(toWidgetMessage);
}

async function latestCursor(database: Database, channelId: string, visitorId: string): Promise<number> {
  const [row] = await database.query<{ seq: number | string | null }>(`select max(seq) as seq from (${BOT_ROWS}) bot`, [channelId, visitorId]);
  return Number(row?.seq ?? 0);
}
