import type { ChannelType } from "./channel-type";
import type { OutboundMedia } from "./outbound-message";

// A note for the marketer: what render() had to change so the channel would accept the message.
export type Degradation = { code: string; message: string };

// Channel-neutral view of what the contact sees, for the builder preview and the simulator. Labels are
// as shown (already truncated) and payloads as the channel returns them on a tap (possibly choiceToken).
// A numbered_text part's text is the whole message as sent, options included; options map the numbers.
export type RenderedPart =
  | { kind: "text"; text: string }
  | { kind: "media"; media: OutboundMedia; caption?: string }
  | { kind: "buttons"; text: string; buttons: { label: string; payload: string }[] }
  | { kind: "list"; text: string; buttonLabel: string; rows: { label: string; description?: string; payload: string }[] }
  | { kind: "quick_replies"; text: string; replies: { label: string; payload: string }[] }
  | { kind: "numbered_text"; text: string; options: { number: number; label: string; payload: string }[] };

export type RenderedMessage = { channel: ChannelType; parts: RenderedPart[]; payloads: unknown[]; degraded: Degradation[] };
