import { z } from "zod";

// Web chat has no platform account: nothing secret. The public key lives in channels.public_key; these
// optional settings only dress the widget (a data-kaiwa-title on the <script> tag wins over `title`).
export const webchatCredentialsSchema = z.object({
  title: z.string().trim().max(60).optional(),
  greeting: z.string().trim().max(500).optional(),
});

export type WebchatCredentials = z.infer<typeof webchatCredentialsSchema>;

export const webchatSecretFields = [] as const;
