import { z } from "zod";

// From the LINE Developers console: the Messaging API channel's secret (signs webhooks) and a
// long-lived channel access token (calls the API).
export const lineCredentialsSchema = z.object({
  channelSecret: z.string().trim().regex(/^[0-9a-f]{32}$/i, "The channel secret is 32 hexadecimal characters (Basic settings tab)"),
  channelAccessToken: z.string().trim().min(1, "Issue a channel access token on the Messaging API tab"),
});
export type LineCredentials = z.infer<typeof lineCredentialsSchema>;

export const lineSecretFields = ["channelSecret", "channelAccessToken"] as const satisfies readonly (keyof LineCredentials)[];
