import { z } from "zod";

// What the engine asks to send, channel-neutral. render() turns it into each channel's payloads.
export const outboundChoiceSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  // Comes back in the contact's reply (button payload / postback / callback_data) so a tap matches exactly.
  payload: z.string().min(1),
  description: z.string().optional(),
});
export type OutboundChoice = z.infer<typeof outboundChoiceSchema>;

export const outboundMediaSchema = z.object({
  kind: z.enum(["image", "file", "video", "audio"]),
  url: z.string().min(1),
  filename: z.string().optional(),
});
export type OutboundMedia = z.infer<typeof outboundMediaSchema>;

export const outboundMessageSchema = z.object({
  text: z.string().default(""),
  media: outboundMediaSchema.optional(),
  choices: z.array(outboundChoiceSchema).default([]),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
