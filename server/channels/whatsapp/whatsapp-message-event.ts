import type { NormalisedEvent } from "../channel-adapter";
import { compactContext } from "../meta/compact-context";
import { jsonReader } from "../meta/json-reader";
import { metaTimestamp } from "../meta/meta-timestamp";
import { unknownEvent } from "../meta/unknown-event";
import { textRef } from "./text-ref";
import { whatsappContent } from "./whatsapp-content";
import type { WhatsappRefConfig } from "./whatsapp-ref-config";

const { object, string } = jsonReader;

export type WhatsappMessageScope = { profileNames: Map<string, string>; refConfig: WhatsappRefConfig; phoneNumberId?: string };

// One `value.messages[]` item. A ref comes from a click-to-WhatsApp ad (`referral.source_id`, the ad or
// post id) or from a text matching the channel's ref prefix / entry texts (the prefilled wa.me text).
// The adapter cannot know whether this is the contact's first message: the runtime decides that.
export function whatsappMessageEvent(item: unknown, scope: WhatsappMessageScope): NormalisedEvent {
  const message = object(item) ?? {};
  const id = string(message.id);
  const from = string(message.from);
  const profileName = from ? scope.profileNames.get(from) : undefined;
  const timestamp = metaTimestamp(message.timestamp);
  const common: Partial<NormalisedEvent> = {
    ...(id ? { dedupeKey: id } : {}),
    ...(from ? { contact: { externalId: from, ...(profileName ? { profileName } : {}) } } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
  };
  // Opening a chat for the first time (WhatsApp's welcome-message trigger) is a follow, not a message.
  if (string(message.type) === "request_welcome") return { dedupeKey: id ?? `welcome:${from}`, kind: "follow", ...common };

  const content = whatsappContent(message);
  const referral = object(message.referral);
  const adRef = string(referral?.source_id);
  const typedRef = !adRef && content.message?.text && string(message.type) === "text" ? textRef(content.message.text, scope.refConfig) : undefined;
  const ref = adRef ?? typedRef?.ref;
  const context = compactContext({
    phoneNumberId: scope.phoneNumberId,
    replyTo: string(object(message.context)?.id),
    forwarded: object(message.context)?.forwarded === true ? "true" : undefined,
    refSource: adRef ? "ad" : typedRef?.source,
    adSourceType: string(referral?.source_type),
    adSourceUrl: string(referral?.source_url),
    adHeadline: string(referral?.headline),
    ctwaClid: string(referral?.ctwa_clid),
    ...content.context,
  });
  if (!content.message) return unknownEvent(message, content.note ?? "WhatsApp message not read by flows.", { ...common, ...(context ? { context } : {}) });
  return {
    dedupeKey: id ?? unknownEvent(message, "").dedupeKey,
    kind: "message",
    ...common,
    message: content.message,
    ...(ref ? { ref } : {}),
    ...(context ? { context } : {}),
  };
}
