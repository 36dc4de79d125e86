import { channelTypes, type ChannelType } from "@/flows-runtime";
import type { ChannelAdapter } from "@/server/channels/channel-adapter";
import { channelAdapters } from "@/server/channels/registry";
import { channelFields } from "./channel-fields";
import { channelTypeLabels } from "./channel-type-labels";

// The nine types the "Connect a channel" dialog offers, each with the form its adapter asks for.
// A type whose adapter is not registered is listed as unavailable rather than hidden.
export function listChannelTypes() {
  const adapters = channelAdapters as Partial<Record<ChannelType, ChannelAdapter<unknown>>>;
  return channelTypes.map((type) => {
    const adapter = adapters[type];
    return {
      type,
      label: channelTypeLabels[type],
      available: Boolean(adapter),
      fields: adapter ? channelFields(type, adapter) : [],
    };
  });
}
