import { mapParts, type ChannelRenderer } from "./channel-renderer";
import { metaMessageHandlers } from "./meta-message-handlers";

export const renderMessenger: ChannelRenderer = (parts) => ({
  payloads: mapParts(parts, metaMessageHandlers("Messenger", { reusableAttachments: true })),
  degraded: [],
});
