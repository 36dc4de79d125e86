import { z } from "zod";

// Fields every Meta channel asks for: the app secret signs webhooks, the verify token answers the
// subscription handshake, and the Graph API version sits in every send URL.
export const metaCredentialFields = {
  appSecret: z.string().trim().min(1).describe("App secret (Meta app dashboard → App settings → Basic)"),
  verifyToken: z.string().trim().min(8).describe("Verify token: any secret you choose, entered again in the app's webhook settings"),
  apiVersion: z
    .string()
    .trim()
    .regex(/^v\d+\.\d+$/, "a Graph API version such as v23.0")
    .default("v23.0")
    .describe("Graph API version"),
};

export const metaSecretFields = ["appSecret", "verifyToken"] as const;
