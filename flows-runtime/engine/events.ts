import { z } from "zod";

// What a contact sent, already normalised from the channel's webhook format.
export const inboundMessageSchema = z.object({
  text: z.string().optional(),
  // Button / postback / quick-reply / list-reply payload, when the contact tapped one of our choices.
  payload: z.string().optional(),
  media: z
    .object({
      kind: z.enum(["image", "file", "video", "audio", "sticker"]),
      url: z.string().optional(),
      mimeType: z.string().optional(),
    })
    .optional(),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), name: z.string().optional() })
    .optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const startReasonSchema = z.enum([
  "first_message",
  "new_contact",
  "keyword",
  "ref",
  "tag_added",
  "manual",
]);
export type StartReason = z.infer<typeof startReasonSchema>;

export const httpResultSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    status: z.number().int(),
    body: z.unknown(),
  }),
  z.object({
    ok: z.literal(false),
    // "http_timeout", "http_status" (non-2xx), "http_network", "http_blocked" (SSRF guard), "http_invalid_json"
    code: z.string(),
    message: z.string(),
    status: z.number().int().optional(),
  }),
]);
export type HttpResult = z.infer<typeof httpResultSchema>;

export const engineEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    reason: startReasonSchema,
    // Start at this trigger node; when absent the engine picks the first trigger that matches.
    triggerNodeId: z.string().optional(),
    // "start here": begin at any node (simulator), skipping triggers, with these variables set.
    nodeId: z.string().optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
    message: inboundMessageSchema.optional(),
    ref: z.string().optional(),
    tag: z.string().optional(),
  }),
  z.object({ type: z.literal("message"), message: inboundMessageSchema }),
  z.object({ type: z.literal("timer"), key: z.string() }),
  z.object({ type: z.literal("http_result"), requestId: z.string(), result: httpResultSchema }),
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
