import { mapParts, type ChannelRenderer } from "./channel-renderer";
import { metaMessageHandlers } from "./meta-message-handlers";

// Instagram takes the same `message` objects as Messenger, minus `is_reusable` (not documented there).
export const renderInstagram: ChannelRenderer = (parts) => ({
  payloads: mapParts(parts, metaMessageHandlers("Instagram", { reusableAttachments: false })),
  degraded: [],
});
