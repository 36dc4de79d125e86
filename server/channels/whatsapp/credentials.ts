import { z } from "zod";
import { metaCredentialFields, metaSecretFields } from "../meta/meta-credential-fields";

// What the Channels page asks for to connect a WhatsApp Cloud API number.
export const whatsappCredentialsSchema = z.object({
  phoneNumberId: z.string().trim().regex(/^\d+$/, "the numeric phone number id from WhatsApp Manager").describe("Phone number id"),
  businessAccountId: z.string().trim().regex(/^\d+$/, "the numeric WhatsApp Business Account id").optional().describe("WhatsApp Business Account id"),
  accessToken: z.string().trim().min(1).describe("Access token (a system user token with whatsapp_business_messaging)"),
  ...metaCredentialFields,
});
export type WhatsappCredentials = z.infer<typeof whatsappCredentialsSchema>;

export const whatsappSecretFields = ["accessToken", ...metaSecretFields] as const;
