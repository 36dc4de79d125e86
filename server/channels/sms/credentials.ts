import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const e164 = /^\+[1-9]\d{6,14}$/;
// Alphanumeric sender IDs ("Kaiwa") are allowed in some countries: up to 11 characters, one letter at least.
const alphanumericSender = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

// What the Channels page asks for, from the Twilio Console. Either a From number or a Messaging
// Service sends; a Messaging Service wins when both are given.
export const smsCredentialsSchema = z
  .object({
    accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, "The Account SID starts with AC followed by 32 hex characters"),
    authToken: z.string().trim().min(1, "Enter the Auth Token"),
    from: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine((s) => e164.test(s) || alphanumericSender.test(s), "Enter the number in E.164 form, like +14155550100")
        .optional(),
    ),
    messagingServiceSid: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(/^MG[0-9a-fA-F]{32}$/, "The Messaging Service SID starts with MG").optional(),
    ),
  })
  .refine((c) => c.from !== undefined || c.messagingServiceSid !== undefined, {
    message: "Enter a From number or a Messaging Service SID",
    path: ["from"],
  });
export type SmsCredentials = z.infer<typeof smsCredentialsSchema>;

export const smsSecretFields = ["authToken"] as const satisfies readonly (keyof SmsCredentials)[];
