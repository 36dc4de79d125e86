import { channelCapabilities, type ChannelType, type OutboundMessage } from "@/flows-runtime";
import { HUMAN_AGENT_WINDOW_HOURS, type OutsideWindowPolicy } from "../channels/outside-window-policy";
import type { ContactRecord } from "./contact-records";

export type SendRuleChannel = { type: ChannelType; outsideWindow: OutsideWindowPolicy };

// How a bot message may go out to this contact now, by the channel's rules: as rendered, as the
// configured template or tagged message outside the messaging window, or not at all (a visible failure).
export type SendDecision =
  | { kind: "free" }
  | { kind: "template"; templateName: string; languageCode: string }
  | { kind: "tag"; tag: string }
  | { kind: "refused"; reason: string };

const HOUR_MS = 3_600_000;

export function sendDecision(channel: SendRuleChannel, contact: Pick<ContactRecord, "optedOutAt" | "optedIn" | "lastInboundAt">, now: number): SendDecision {
  if (contact.optedOutAt) return { kind: "refused", reason: optOutReason(channel.type) };
  // Never the first word: a contact who has not written in (or followed, or opted in) hears nothing.
  if (!contact.lastInboundAt && !contact.optedIn) return { kind: "refused", reason: "no opt-in: the contact has not written to this channel yet" };
  const capabilities = channelCapabilities[channel.type];
  const hours = capabilities.messagingWindowHours;
  const sinceInbound = contact.lastInboundAt ? now - contact.lastInboundAt.getTime() : Infinity;
  if (hours === null || sinceInbound <= hours * HOUR_MS) return { kind: "free" };
  const policy = channel.outsideWindow;
  if (policy.mode === "template") return { kind: "template", templateName: policy.templateName, languageCode: policy.languageCode };
  if (policy.mode === "tag" && (policy.tag !== "HUMAN_AGENT" || sinceInbound <= HUMAN_AGENT_WINDOW_HOURS * HOUR_MS)) return { kind: "tag", tag: policy.tag };
  const what =
    channel.type === "whatsapp"
      ? "only approved templates can be sent (choose one in the channel's settings)"
      : channel.type === "wechat"
        ? "customer-service messages are no longer allowed"
        : "only tagged messages can be sent (choose a tag in the channel's settings)";
  return { kind: "refused", reason: `outside ${capabilities.displayName}'s ${hours}-hour window: ${what}` };
}

// A WhatsApp template message whose single body variable carries the flow's text. Meta refuses
// parameters with line breaks, tabs or more than four spaces in a row, so the text is flattened.
export function whatsappTemplatePayload(decision: Extract<SendDecision, { kind: "template" }>, message: OutboundMessage): object {
  const text = message.text.replace(/\s*[\r\n\t]+\s*/g, " ").replace(/ {4,}/g, "   ").trim() || "-";
  return {
    type: "template",
    template: {
      name: decision.templateName,
      language: { code: decision.languageCode },
      components: [{ type: "body", parameters: [{ type: "text", text: text.slice(0, 1024) }] }],
    },
  };
}

export function optOutReason(type: ChannelType): string {
  return type === "sms" ? "contact opted out (STOP)" : "contact opted out (unfollowed, unsubscribed or blocked)";
}
