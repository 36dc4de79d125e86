import { defineChannelAdapter } from "../channel-adapter";
import { telegramCredentialsSchema, telegramSecretFields, type TelegramCredentials } from "./credentials";
import { normaliseTelegram } from "./normalise";
import { answerCallbackQuery, sendTelegram } from "./send";
import { verifyTelegramSignature } from "./verify-signature";

// Telegram Bot API. No handshake: setWebhook registers the URL with our secret_token, which Telegram
// then sends on every update. Inline keyboard taps carry context.callbackQueryId, answered once the tap
// has been handled.
export const telegramAdapter = defineChannelAdapter<TelegramCredentials>({
  type: "telegram",
  credentialsSchema: telegramCredentialsSchema,
  secretFields: telegramSecretFields,
  verify: verifyTelegramSignature,
  normalise: (request) => normaliseTelegram(request),
  send: (request, channel, fetch) => sendTelegram(request, channel, fetch),
  answerInteraction: (context, channel, fetch) => (context.callbackQueryId ? answerCallbackQuery(channel, context.callbackQueryId, fetch) : null),
});
