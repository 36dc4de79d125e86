import { z } from "zod";
import type { NormalisedEvent } from "../channel-adapter";

// What the widget POSTs to /api/webchat/<key>/messages. `clientMessageId` is made once per message
// by the widget and reused on a retry, so a POST repeated after a lost answer is stored once.
export const webchatMessageBodySchema = z
  .object({
    visitorId: z.string().min(1).max(100),
    token: z.string().min(1).max(200),
    text: z.string().max(4000).optional(),
    // A tapped button's payload; `text` then carries its label (what the visitor saw and "said").
    payload: z.string().min(1).max(1000).optional(),
    clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "letters, digits, - and _ only"),
    // The entry point's ref from the page's ?kaiwa_ref= (first message of a page view only).
    ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _ only").optional(),
  })
  .refine((body) => Boolean(body.text?.trim()) || body.payload !== undefined, { message: "a message needs text or a button payload" });

export type WebchatMessageBody = z.infer<typeof webchatMessageBodySchema>;

// The dedupe key is scoped to the visitor, so one visitor reusing another's clientMessageId cannot
// make the other's message look like a duplicate.
export function webchatDedupeKey(visitorId: string, clientMessageId: string): string {
  return `${visitorId}:${clientMessageId}`;
}

export function webchatEvent(body: WebchatMessageBody, now: number): NormalisedEvent {
  const text = body.text?.trim();
  return {
    dedupeKey: webchatDedupeKey(body.visitorId, body.clientMessageId),
    kind: "message",
    contact: { externalId: body.visitorId },
    timestamp: now,
    message: { ...(text ? { text } : {}), ...(body.payload !== undefined ? { payload: body.payload } : {}) },
    ...(body.ref ? { ref: body.ref } : {}),
  };
}
