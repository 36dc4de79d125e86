import type { ChannelType } from "@/flows-runtime";
import type { NormalisedEvent } from "../channels/channel-adapter";
import type { StoredEvent } from "./handle-event";
import type { Database } from "../db/client";
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
  const unique = uniqueByKey(events);
  const rows = await database.query<{ contact_external_id: string | null }>(insertSql(unique.length), insertParams(channel, unique));
  if (options.wake !== false) wakeContacts(database, channel.id, [...new Set(rows.map((row) => row.contact_external_id ?? ""))]);
  return { stored: rows.length, duplicates: events.length - rows.length };
}

const COLUMNS = 7;

function insertSql(count: number): string {
  const values = Array.from({ length: count }, (_, row) => {
    const p = (column: number) => `$${row * COLUMNS + column}`;
    return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}, ${p(4)}, ${p(5)}::jsonb, ${p(6)}, ${p(7)}::timestamptz)`;
  });
  return `insert into inbound_events (workspace_id, channel_id, dedupe_key, kind, payload, contact_external_id, occurred_at)
values ${values.join(", ")}
on conflict (channel_id, dedupe_key) do nothing
returning contact_external_id`;
}

// The same dedupe key twice in one payload would make `on conflict` fail the whole statement
// ("cannot affect row a second time"): keep the first.
function uniqueByKey(events: StoredEvent[]): StoredEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.dedupeKey) && seen.add(event.dedupeKey));
}

function insertParams(channel: Pick<IngestChannel, "id" | "workspaceId">, events: StoredEvent[]): unknown[] {
  return events.flatMap((event) => {
    const timestamp = "timestamp" in event ? event.timestamp : undefined;
    const occurredAt = timestamp !== undefined && Number.isFinite(timestamp) ? new Date(timestamp).toISOString() : null;
    return [channel.workspaceId, channel.id, event.dedupeKey, event.kind, JSON.stringify(event), event.contact?.externalId ?? null, occurredAt];
  });
}
