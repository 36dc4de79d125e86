import { z } from "zod";
import { metaCredentialFields, metaSecretFields } from "../meta/meta-credential-fields";

// What the Channels page asks for to connect a Facebook Page.
export const messengerCredentialsSchema = z.object({
  pageId: z.string().trim().regex(/^\d+$/, "the numeric Page id").describe("Page id"),
  pageAccessToken: z.string().trim().min(1).describe("Page access token (with pages_messaging)"),
  ...metaCredentialFields,
});
export type MessengerCredentials = z.infer<typeof messengerCredentialsSchema>;

export const messengerSecretFields = ["pageAccessToken", ...metaSecretFields] as const;
