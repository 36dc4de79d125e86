import { z } from "zod";
import type { ChannelType } from "@/flows-runtime";

// What a channel does with a free-form bot message once the contact's messaging window has closed
// (a long wait, a timer): by default the send becomes a visible failure; where the platform allows it
// the workspace can choose an approved WhatsApp template or a Messenger / Instagram message tag.
// Kept in channels.config.outsideWindow.
export const messageTags = ["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "HUMAN_AGENT"] as const;

export const outsideWindowPolicySchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("fail") }),
  z.object({
    mode: z.literal("template"),
    // An approved template whose body has one variable ({{1}}): it receives the flow's text.
    templateName: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "template names are lower case letters, digits and underscores"),
    languageCode: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "a language code such as en, en_US or ja"),
  }),
  z.object({ mode: z.literal("tag"), tag: z.enum(messageTags) }),
]);
export type OutsideWindowPolicy = z.infer<typeof outsideWindowPolicySchema>;

// Meta allows HUMAN_AGENT replies for 7 days after the contact's last message, the other tags any time.
export const HUMAN_AGENT_WINDOW_HOURS = 7 * 24;

const failing: OutsideWindowPolicy = { mode: "fail" };

// The modes each channel type can use; Instagram accepts only the HUMAN_AGENT tag.
export function outsideWindowModes(type: ChannelType): { modes: OutsideWindowPolicy["mode"][]; tags: (typeof messageTags)[number][] } {
  if (type === "whatsapp") return { modes: ["fail", "template"], tags: [] };
  if (type === "messenger") return { modes: ["fail", "tag"], tags: [...messageTags] };
  if (type === "instagram") return { modes: ["fail", "tag"], tags: ["HUMAN_AGENT"] };
  return { modes: ["fail"], tags: [] };
}

// A policy the channel type cannot use, or a config that fails the schema, falls back to failing
// visibly: never to sending something the platform would refuse.
export function readOutsideWindowPolicy(type: ChannelType, config: Record<string, unknown>): OutsideWindowPolicy {
  const parsed = outsideWindowPolicySchema.safeParse(config.outsideWindow);
  if (!parsed.success) return failing;
  return outsideWindowProblem(type, parsed.data) ? failing : parsed.data;
}

export function outsideWindowProblem(type: ChannelType, policy: OutsideWindowPolicy): string | null {
  const allowed = outsideWindowModes(type);
  if (!allowed.modes.includes(policy.mode)) return `this channel cannot send "${policy.mode}" messages outside the messaging window`;
  if (policy.mode === "tag" && !allowed.tags.includes(policy.tag)) return `this channel does not accept the ${policy.tag} tag`;
  return null;
}
