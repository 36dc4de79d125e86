import { channelCapabilities } from "./channel-capabilities";
import type { ChannelType } from "./channel-type";
import type { OutboundMessage } from "./outbound-message";
import { planParts } from "./plan-parts";
import type { RenderedMessage } from "./rendered-message";
import { channelRenderers } from "./renderers/channel-renderers";

export type { Degradation, RenderedMessage, RenderedPart } from "./rendered-message";

// One outbound message as a channel's send API takes it: `payloads` in send order, one per API call,
// without the recipient; `parts` for previews; `degraded` lists every cut, split and fallback made.
export function render(message: OutboundMessage, channel: ChannelType): RenderedMessage {
  const planned = planParts(message, channelCapabilities[channel]);
  const { payloads, degraded } = channelRenderers[channel](planned.parts, message);
  return { channel, parts: planned.parts, payloads, degraded: [...planned.degraded, ...degraded] };
}
