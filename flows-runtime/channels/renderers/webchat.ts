import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

// Kaiwa's own widget format: no limits, so nothing degrades.
export const renderWebchat: ChannelRenderer = (parts) => ({
  payloads: mapParts<object>(parts, {
    text: ({ text }) => ({ type: "message", text }),
    numbered_text: ({ text }) => ({ type: "message", text }),
    media: ({ media, caption }) => ({ type: "message", text: caption ?? "", media }),
    buttons: ({ text, buttons }) => ({ type: "message", text, buttons }),
    list: notOnChannel("web chat"),
    quick_replies: notOnChannel("web chat"),
  }),
  degraded: [],
});
