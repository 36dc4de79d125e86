import { notOnChannel, type PartHandlers } from "./channel-renderer";

// Messenger and Instagram share the Send API: payloads are its `message` objects, and the sender wraps
// them as `{ recipient: { id }, messaging_type, message }`.
export function metaMessageHandlers(channel: string, options: { reusableAttachments: boolean }): PartHandlers<unknown> {
  return {
    text: ({ text }) => ({ text }),
    numbered_text: ({ text }) => ({ text }),
    media: ({ media }) => ({
      attachment: {
        type: media.kind,
        payload: { url: media.url, ...(options.reusableAttachments ? { is_reusable: true } : {}) },
      },
    }),
    quick_replies: ({ text, replies }) => ({
      text,
      quick_replies: replies.map((r) => ({ content_type: "text", title: r.label, payload: r.payload })),
    }),
    buttons: notOnChannel(channel),
    list: notOnChannel(channel),
  };
}

