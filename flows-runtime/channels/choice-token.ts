import type { OutboundChoice } from "./outbound-message";

// Sent instead of a choice's payload when the payload does not fit the channel (Telegram callback_data is
// 64 bytes) or would repeat another choice's. Derived from the choice's stable id, so the same choice
// gets the same token on every render and in every flow version; resolveChoiceReply maps it back.
export function choiceToken(choice: Pick<OutboundChoice, "id">): string {
  return `k:${fnv1a(choice.id).toString(36)}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
