import { z } from "zod";
import { channelTypeSchema } from "@/flows-runtime";

// An override of the platform's API base URL (a local fake, a proxy). Blank means the platform's own.
export const apiBaseUrlInput = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z
    .string()
    .trim()
    .url("The API base URL must be a full URL such as http://localhost:4010")
    .refine((value) => /^https?:\/\//.test(value), "The API base URL must start with http:// or https://")
    .nullable()
    .optional(),
);

export const channelNameInput = z.string().trim().min(1, "Give the channel a name").max(80);

// Shapes are the adapter's business: checked by its credentialsSchema in the handler.
export const credentialsInput = z.record(z.string(), z.unknown());

export const channelIdInput = z.object({ id: z.string().uuid() });

export const createChannelInput = z.object({
  type: channelTypeSchema,
  name: channelNameInput,
  credentials: credentialsInput.default({}),
  apiBaseUrl: apiBaseUrlInput,
});

export const updateChannelInput = z.object({
  id: z.string().uuid(),
  name: channelNameInput.optional(),
  // Omitted fields, and fields sent back as their masked value, keep what is stored; null or "" clears.
  credentials: credentialsInput.optional(),
  apiBaseUrl: apiBaseUrlInput,
});
