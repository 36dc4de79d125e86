import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channel-adapter";
import { normaliseTelegramMessage } from "./normalise-message";
import { idOf, isObj, profileName } from "./telegram-fields";

type Obj = Record<string, unknown>;

// Telegram posts one Update per request. Every update becomes exactly one event, deduplicated on
// update_id: an edit reuses the message's message_id but gets its own update_id.
export function normaliseTelegram(request: RawWebhook): NormalisedEvent[] {
  let update: unknown;
  try {
    update = JSON.parse(request.rawBody);
  } catch {
    throw new MalformedWebhookError("Telegram webhook body is not JSON");
  }
  if (!isObj(update) || typeof update.update_id !== "number") {
    throw new MalformedWebhookError("Telegram webhook body is not an Update (no update_id)");
  }
  const dedupeKey = String(update.update_id);

  if (isObj(update.message)) return [normaliseTelegramMessage(dedupeKey, update.message, false)];
  if (isObj(update.edited_message)) return [normaliseTelegramMessage(dedupeKey, update.edited_message, true)];
  if (isObj(update.callback_query)) return [callbackQuery(dedupeKey, update.callback_query)];
  if (isObj(update.my_chat_member)) return [chatMember(dedupeKey, update.my_chat_member)];

  const type = Object.keys(update).find((key) => key !== "update_id") ?? "empty";
  return [{ dedupeKey, kind: "unknown", note: `Telegram update "${type}" is not handled` }];
}

// A tap on an inline keyboard button. The visible text is the button's label, found in the keyboard of
// the message it was attached to; the pipeline must answer the query (answerCallbackQuery) or the
// contact's client shows a spinner.
function callbackQuery(dedupeKey: string, query: Obj): NormalisedEvent {
  const from = isObj(query.from) ? query.from : {};
  const message = isObj(query.message) ? query.message : undefined;
  const chat = message && isObj(message.chat) ? message.chat : undefined;
  const contactId = idOf(chat?.id) ?? idOf(from.id);
  const context: Record<string, string> = { callbackQueryId: String(query.id ?? "") };
  if (message && typeof message.message_id === "number") context.messageId = String(message.message_id);
  if (typeof query.data !== "string") {
    return { dedupeKey, kind: "unknown", contact: contactId ? { externalId: contactId } : undefined, context, note: "Telegram callback query without data (game button)" };
  }
  const label = buttonLabel(message, query.data);
  return {
    dedupeKey,
    kind: "message",
    contact: contactId ? { externalId: contactId, profileName: profileName(from) } : undefined,
    message: { payload: query.data, ...(label !== undefined ? { text: label } : {}) },
    context,
  };
}

// In a private chat "kicked" means the contact blocked the bot, "member" that they started or unblocked it.
function chatMember(dedupeKey: string, update: Obj): NormalisedEvent {
  const chat = isObj(update.chat) ? update.chat : {};
  const from = isObj(update.from) ? update.from : {};
  const status = isObj(update.new_chat_member) ? update.new_chat_member.status : undefined;
  const contactId = idOf(chat.id) ?? idOf(from.id);
  const base = {
    dedupeKey,
    contact: contactId ? { externalId: contactId, profileName: profileName(from) } : undefined,
    timestamp: typeof update.date === "number" ? update.date * 1000 : undefined,
  };
  if (chat.type === "private" && status === "kicked") return { ...base, kind: "unfollow" };
  if (chat.type === "private" && status === "member") return { ...base, kind: "follow" };
  return { ...base, kind: "unknown", note: `Telegram bot membership changed to "${String(status)}" in a ${String(chat.type)} chat` };
}

function buttonLabel(message: Obj | undefined, data: string): string | undefined {
  const markup = message && isObj(message.reply_markup) ? message.reply_markup : undefined;
  const rows = Array.isArray(markup?.inline_keyboard) ? (markup.inline_keyboard as unknown[]) : [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const button of row) {
      if (isObj(button) && button.callback_data === data && typeof button.text === "string") return button.text;
    }
  }
  return undefined;
}
