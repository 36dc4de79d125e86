import { z } from "zod";

// What the Channels page asks for, from the Official Account's "Basic configuration" (基本配置) page.
// Messages must use plaintext or compatible mode: safe-mode (AES) bodies are refused as malformed.
export const wechatCredentialsSchema = z.object({
  // AppID (开发者ID), e.g. "wx1234567890abcdef".
  appId: z.string().trim().min(1, "Enter the AppID"),
  // AppSecret (开发者密码): exchanged for access tokens, never sent anywhere else.
  appSecret: z.string().trim().min(1, "Enter the AppSecret"),
  // Token (令牌) typed into the server configuration: signs the webhook query string.
  token: z.string().trim().min(1, "Enter the Token from the server configuration"),
});
export type WechatCredentials = z.infer<typeof wechatCredentialsSchema>;

export const wechatSecretFields = ["appSecret", "token"] as const satisfies readonly (keyof WechatCredentials)[];
