import { z } from "zod";
import { metaCredentialFields, metaSecretFields } from "../meta/meta-credential-fields";

// What the Channels page asks for to connect an Instagram professional account through its linked Page.
export const instagramCredentialsSchema = z.object({
  instagramAccountId: z.string().trim().regex(/^\d+$/, "the numeric Instagram professional account id").describe("Instagram account id"),
  pageAccessToken: z.string().trim().min(1).describe("Access token of the linked Page (with instagram_manage_messages)"),
  ...metaCredentialFields,
});
export type InstagramCredentials = z.infer<typeof instagramCredentialsSchema>;

export const instagramSecretFields = ["pageAccessToken", ...metaSecretFields] as const;
