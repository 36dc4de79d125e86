import { z } from "zod";

// Every channel Kaiwa speaks. The runtime, the renderer and the simulator all key off this list.
export const channelTypes = [
  "whatsapp",
  "messenger",
  "instagram",
  "telegram",
  "line",
  "viber",
  "wechat",
  "sms",
  "webchat",
] as const;

export const channelTypeSchema = z.enum(channelTypes);
export type ChannelType = z.infer<typeof channelTypeSchema>;
