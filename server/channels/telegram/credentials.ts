import { z } from "zod";

// What the Channels page asks for. The secret token is the `secret_token` we pass to setWebhook:
// Telegram sends it back in X-Telegram-Bot-Api-Secret-Token on every update (1–256 of A–Z a–z 0–9 _ -).
export const telegramCredentialsSchema = z.object({
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "A bot token looks like 123456789:AA… (from @BotFather)"),
  secretToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters: letters, digits, _ and -"),
  // For t.me/<botUsername>?start=<ref> deep links shown in the builder.
  botUsername: z.string().trim().regex(/^[A-Za-z0-9_]{5,32}$/).optional(),
});
export type TelegramCredentials = z.infer<typeof telegramCredentialsSchema>;

export const telegramSecretFields = ["botToken", "secretToken"] as const satisfies readonly (keyof TelegramCredentials)[];
