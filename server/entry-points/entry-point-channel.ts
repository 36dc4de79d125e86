import type { ChannelType } from "@/flows-runtime";
import type { Database } from "../db/client";
import { notFound } from "../domain-errors";
import { loadChannel, type LoadedChannel } from "../channels/load-channel";
import { readWhatsappRefConfig, type WhatsappRefConfig } from "../channels/whatsapp/whatsapp-ref-config";
import { channelHandle, type ChannelHandle } from "./channel-handle";

export type EntryPointChannel = {
  id: string;
  name: string;
  type: ChannelType;
  handle: ChannelHandle;
  refConfig: WhatsappRefConfig;
  loaded: LoadedChannel;
};

// A channel of the workspace with what its links need: its public handle and how it reads refs.
export async function entryPointChannel(database: Database, workspaceId: string, channelId: string): Promise<EntryPointChannel> {
  const loaded = await loadChannel(database, channelId);
  if (!loaded || loaded.workspaceId !== workspaceId) throw notFound("That channel");
  const config = loaded.channel?.config ?? {};
  const credentials = (loaded.channel?.credentials ?? null) as Record<string, unknown> | null;
  return {
    id: loaded.id,
    name: loaded.name,
    type: loaded.type,
    handle: channelHandle(loaded.type, credentials, config),
    refConfig: readWhatsappRefConfig(config),
    loaded,
  };
}
