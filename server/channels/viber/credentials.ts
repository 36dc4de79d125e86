import { z } from "zod";

// From the Viber bot's "Edit info" screen (Viber Partners). Every message needs a sender name; the
// page can set it here or in the channel's config (`senderName`).
export const viberCredentialsSchema = z.object({
  authToken: z.string().trim().min(1, "Paste the bot's authentication token"),
  senderName: z.string().trim().min(1).max(28, "Viber shows at most 28 characters of the sender name").optional(),
  senderAvatar: z.url().optional(),
});
export type ViberCredentials = z.infer<typeof viberCredentialsSchema>;

export const viberSecretFields = ["authToken"] as const satisfies readonly (keyof ViberCredentials)[];
