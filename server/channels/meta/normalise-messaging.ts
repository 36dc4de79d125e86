import type { NormalisedEvent, RawWebhook } from "../channel-adapter";
import { jsonReader } from "./json-reader";
import { messagingEvents } from "./messaging-events";
import { parseMetaBody } from "./parse-meta-body";
import { unknownEvent } from "./unknown-event";

export type MessagingSource = {
  // The envelope's `object`: "page" for Messenger, "instagram" for Instagram.
  object: "page" | "instagram";
  // The Page id / Instagram professional account id this channel is for (`entry[].id`).
  accountId: string;
  platform: "Messenger" | "Instagram";
};

// Messenger and Instagram webhooks: `{ object, entry: [{ id, time, messaging: [...] }] }`, every event of
// every entry. One app can be subscribed to several Pages, so an entry for another account is kept as an
// unknown event (visible on the Channels page) instead of being answered from the wrong channel.
export function normaliseMessaging(request: RawWebhook, source: MessagingSource): NormalisedEvent[] {
  return parseMetaBody(request.rawBody, source.object).flatMap((entry) => {
    const entryId = jsonReader.string(entry.id);
    if (entryId && entryId !== source.accountId) {
      return [unknownEvent(entry, `${source.platform} event for account ${entryId}, not this channel's ${source.accountId}: check the webhook subscription.`)];
    }
    const events = [
      ...jsonReader.array(entry.messaging).flatMap((item) => messagingEvents(item)),
      // Handover protocol: another app (e.g. the Page inbox) owns the conversation, so the bot stays out.
      ...jsonReader.array(entry.standby).map((item) => unknownEvent(item, `${source.platform} standby event: another app has this conversation.`)),
      ...jsonReader.array(entry.changes).map((change) => {
        const field = jsonReader.string(jsonReader.object(change)?.field) ?? "?";
        return unknownEvent(change, `${source.platform} "${field.slice(0, 60)}" change, not a message.`);
      }),
    ];
    return events.length > 0 ? events : [unknownEvent(entry, `${source.platform} entry without messaging events.`)];
  });
}
