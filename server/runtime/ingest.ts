import type { ChannelType } from "@/flows-runtime";
import type { NormalisedEvent } from "../channels/channel-adapter";
import type { StoredEvent } from "./handle-event";
import type { Database } from "../db/client";
import { groupCommit } from "./group-commit";
import { wakeContacts } from "./wake";

export type IngestChannel = { id: string; workspaceId: string; type: ChannelType };

// Stores a webhook's events in one statement, deduplicated by (channel, dedupe key): a platform's
// retry of a delivery we already have inserts nothing. After it commits the caller may answer 200;
// the flows run afterwards, per contact, in the processor this wakes.
export async function ingestEvents(
  database: Database,
  channel: IngestChannel,
  events: NormalisedEvent[],
): Promise<{ stored: number; duplicates: number }> {
  return storeEvents(database, channel, events);
}

// Also the way in for the runtime's synthetic events (timers, HTTP results), ordered with the rest.
// `wake: false` is for a caller that processes the contact itself right after (the simulator): a wake
// would only run the processor again, 30 ms later, on events already handled. If that caller fails,
// the sweeper still finds the events.
export async function storeEvents(
  database: Database,
  channel: Pick<IngestChannel, "id" | "workspaceId">,
  events: StoredEvent[],
  options: { wake?: boolean } = {},
): Promise<{ stored: number; duplicates: number }> {
  if (events.length === 0) return { stored: 0, duplicates: 0 };
  let writer = writers.get(database);
  if (!writer) writers.set(database, (writer = createEventWriter(database)));
  return writer({ channel, events: uniqueByKey(events), wake: options.wake !== false });
}

type Delivery = { channel: Pick<IngestChannel, "id" | "workspaceId">; events: StoredEvent[]; wake: boolean };
type Stored = { stored: number; duplicates: number };
type EventWriter = (delivery: Delivery) => Promise<Stored>;

const writers = new WeakMap<Database, EventWriter>();
// Rows per statement; a delivery is never split across two.
const MAX_ROWS = 500;

// Deliveries that arrive while an insert is in flight are stored together by the next one (group
// commit): a burst's webhooks cost one statement and one commit per round instead of one each.
function createEventWriter(database: Database): EventWriter {
  return groupCommit((deliveries: Delivery[]) => insertDeliveries(database, deliveries), { weight: (delivery) => delivery.events.length, maxWeight: MAX_ROWS });
}

// One statement for several deliveries. An event two deliveries of the batch share (a platform's
// quick retry) is stored by the first and counts as a duplicate for the second.
async function insertDeliveries(database: Database, deliveries: Delivery[]): Promise<Stored[]> {
  const owner = new Map<string, number>();
  const rows: { channel: Delivery["channel"]; event: StoredEvent }[] = [];
  deliveries.forEach((delivery, index) => {
    for (const event of delivery.events) {
      const key = `${delivery.channel.id}|${event.dedupeKey}`;
      if (owner.has(key)) continue;
      owner.set(key, index);
      rows.push({ channel: delivery.channel, event });
    }
  });
  const inserted = await database.query<{ channel_id: string; dedupe_key: string; contact_external_id: string | null }>(INSERT_EVENTS, insertParams(rows));
  const stored = deliveries.map(() => 0);
  const woken = new Map<string, Set<string>>();
  for (const row of inserted) {
    const index = owner.get(`${row.channel_id}|${row.dedupe_key}`);
    if (index === undefined) continue;
    stored[index]! += 1;
    if (!deliveries[index]!.wake) continue;
    let contacts = woken.get(row.channel_id);
    if (!contacts) woken.set(row.channel_id, (contacts = new Set()));
    contacts.add(row.contact_external_id ?? "");
  }
  for (const [channelId, contacts] of woken) wakeContacts(database, channelId, [...contacts]);
  return deliveries.map((delivery, index) => ({ stored: stored[index]!, duplicates: delivery.events.length - stored[index]! }));
}

// One prepared statement whatever the number of rows; they are inserted in arrival order.
const INSERT_EVENTS = `insert into inbound_events (workspace_id, channel_id, dedupe_key, kind, payload, contact_external_id, occurred_at)
  select e.workspace_id, e.channel_id, e.dedupe_key, e.kind, e.payload::jsonb, e.contact, e.occurred_at::timestamptz
  from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
    with ordinality as e(workspace_id, channel_id, dedupe_key, kind, payload, contact, occurred_at, position)
  order by e.position
  on conflict (channel_id, dedupe_key) do nothing
  returning channel_id, dedupe_key, contact_external_id`;

// The same dedupe key twice in one payload would make `on conflict` fail the whole statement
// ("cannot affect row a second time"): keep the first.
function uniqueByKey(events: StoredEvent[]): StoredEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.dedupeKey) && seen.add(event.dedupeKey));
}

function insertParams(rows: { channel: Delivery["channel"]; event: StoredEvent }[]): unknown[] {
  const column = (value: (row: { channel: Delivery["channel"]; event: StoredEvent }) => string | null) => rows.map(value);
  return [
    column(({ channel }) => channel.workspaceId),
    column(({ channel }) => channel.id),
    column(({ event }) => event.dedupeKey),
    column(({ event }) => event.kind),
    column(({ event }) => JSON.stringify(event)),
    column(({ event }) => event.contact?.externalId ?? null),
    column(({ event }) => {
      const timestamp = "timestamp" in event ? event.timestamp : undefined;
      return timestamp !== undefined && Number.isFinite(timestamp) ? new Date(timestamp).toISOString() : null;
    }),
  ];
}
