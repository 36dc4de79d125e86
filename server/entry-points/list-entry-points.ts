import type { ChannelType } from "@/flows-runtime";
import type { Database } from "../db/client";
import { notFound } from "../domain-errors";
import { deepLink, type DeepLink } from "./deep-link";
import { entryPointChannel, type EntryPointChannel } from "./entry-point-channel";

export type EntryPointView = {
  id: string;
  name: string;
  ref: string;
  channelId: string;
  channelName: string;
  channelType: ChannelType;
  flowId: string | null;
  flowName: string | null;
  prefilledText: string | null;
  target: string | null;
  link: DeepLink;
  createdAt: string;
  stats: { contacts: number; conversations: number; completed: number };
};

type Row = {
  id: string;
  name: string;
  ref: string;
  channel_id: string;
  flow_id: string | null;
  flow_name: string | null;
  prefilled_text: string | null;
  target: string | null;
  qr_url: string | null;
  created_at: string;
  contacts: number | string;
  conversations: number | string;
  completed: number | string;
};

// Entry points with their link and what they brought: contacts whose first entry point it is, their
// conversations on its channel, and how many of them finished its flow (any flow when none is set).
export async function listEntryPoints(database: Database, workspaceId: string, only?: { id: string }): Promise<EntryPointView[]> {
  const rows = await database.query<Row>(
    `select e.id, e.name, e.ref, e.channel_id, e.flow_id, f.name as flow_name, e.prefilled_text, e.target, e.qr_url, e.created_at,
       (select count(*) from contacts c where c.entry_point_id = e.id and c.is_test = false) as contacts,
       (select count(*) from conversations cv join contacts c on c.id = cv.contact_id
          where c.entry_point_id = e.id and c.is_test = false and cv.channel_id = e.channel_id) as conversations,
       (select count(distinct s.contact_id) from sessions s join contacts c on c.id = s.contact_id
          where c.entry_point_id = e.id and c.is_test = false and s.status = 'ended' and (e.flow_id is null or s.flow_id = e.flow_id)) as completed
     from entry_points e left join flows f on f.id = e.flow_id
     where e.workspace_id = $1 and ($2::uuid is null or e.id = $2::uuid)
     order by e.created_at, e.id`,
    [workspaceId, only?.id ?? null],
  );
  const channels = new Map<string, EntryPointChannel>();
  const views: EntryPointView[] = [];
  for (const row of rows) {
    let channel = channels.get(row.channel_id);
    if (!channel) {
      channel = await entryPointChannel(database, workspaceId, row.channel_id);
      channels.set(row.channel_id, channel);
    }
    views.push({
      id: row.id,
      name: row.name,
      ref: row.ref,
      channelId: channel.id,
      channelName: channel.name,
      channelType: channel.type,
      flowId: row.flow_id,
      flowName: row.flow_name,
      prefilledText: row.prefilled_text,
      target: row.target,
      link: deepLink({
        channelType: channel.type,
        ref: row.ref,
        target: row.target || channel.handle.known,
        prefilledText: row.prefilled_text,
        refConfig: channel.refConfig,
        qrUrl: row.qr_url,
      }),
      createdAt: new Date(row.created_at).toISOString(),
      stats: { contacts: Number(row.contacts), conversations: Number(row.conversations), completed: Number(row.completed) },
    });
  }
  return views;
}

export async function getEntryPoint(database: Database, workspaceId: string, id: string): Promise<EntryPointView> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound("That entry point");
  const [view] = await listEntryPoints(database, workspaceId, { id });
  if (!view) throw notFound("That entry point");
  return view;
}
