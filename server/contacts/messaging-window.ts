import { channelCapabilities, type ChannelType } from "@/flows-runtime";

export type MessagingWindow =
  // The platform has no window (Telegram, LINE, ...): free-form messages any time the contact has not opted out.
  | { state: "none" }
  | { state: "open"; until: string; hours: number }
  // Outside the window only approved templates (WhatsApp) or tagged messages (Messenger) go out.
  | { state: "closed"; hours: number; lastInboundAt: string | null };

export type OptInState = { state: "opted_out"; since: string } | { state: "opted_in" } | { state: "unknown" };

// Per identity: whether a free-form message can go out now, from the contact's last message and the
// channel's window (flows-runtime channelCapabilities).
export function messagingWindow(type: string, lastInboundAt: Date | null, now: Date): MessagingWindow {
  const hours = channelCapabilities[type as ChannelType]?.messagingWindowHours ?? null;
  if (hours === null) return { state: "none" };
  if (!lastInboundAt) return { state: "closed", hours, lastInboundAt: null };
  const until = new Date(lastInboundAt.getTime() + hours * 3_600_000);
  return until > now ? { state: "open", until: until.toISOString(), hours } : { state: "closed", hours, lastInboundAt: lastInboundAt.toISOString() };
}

export function optInState(optedIn: boolean, optedOutAt: Date | null): OptInState {
  if (optedOutAt) return { state: "opted_out", since: optedOutAt.toISOString() };
  return optedIn ? { state: "opted_in" } : { state: "unknown" };
}
