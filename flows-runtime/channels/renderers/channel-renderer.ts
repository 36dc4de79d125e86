import type { OutboundMessage } from "../outbound-message";
import type { Degradation, RenderedPart } from "../rendered-message";

// The channel-specific half of render(): planned parts in, send-API bodies out (without the recipient).
// `message` is there for what a part does not carry, such as a choice's full label (LINE displayText).
export type ChannelRenderer = (
  parts: RenderedPart[],
  message: OutboundMessage,
) => { payloads: unknown[]; degraded: Degradation[] };

export type PartHandlers<T> = { [K in RenderedPart["kind"]]: (part: Extract<RenderedPart, { kind: K }>) => T };

// Typed dispatch on part kind, so a new part kind fails tsc in every renderer until it is handled.
export function mapParts<T>(parts: RenderedPart[], handlers: PartHandlers<T>): T[] {
  return parts.map((part) => (handlers[part.kind] as (p: RenderedPart) => T)(part));
}

// planParts never produces a control a channel lacks; reaching this is a programmer error.
export function notOnChannel(channel: string) {
  return (part: RenderedPart): never => {
    throw new Error(`${channel} renderer received a ${part.kind} part, which its capabilities never plan`);
  };
}
