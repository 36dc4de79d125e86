import type { Database } from "@/server/db/client";
import { entryPointChannel } from "@/server/entry-points/entry-point-channel";

// Channels an entry point can be made for, with the handle their links need.
export async function entryPointChannels(database: Database, workspaceId: string) {
  const rows = await database.query<{ id: string }>("select id from channels where workspace_id = $1 and status <> 'simulator' order by created_at, id", [workspaceId]);
  const channels = [];
  for (const row of rows) {
    const channel = await entryPointChannel(database, workspaceId, row.id);
    channels.push({
      id: channel.id,
      name: channel.name,
      type: channel.type,
      handle: channel.handle,
      refPrefix: channel.refConfig.refPrefix,
      credentialsProblem: channel.loaded.credentialsProblem,
    });
  }
  return channels;
}
