import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

// `POST /pa/send_message` bodies; the sender adds `receiver` and the bot's `sender: { name }`.
export const renderViber: ChannelRenderer = (parts) => ({
  payloads: mapParts<object>(parts, {
    text: ({ text }) => ({ type: "text", text }),
    numbered_text: ({ text }) => ({ type: "text", text }),
    media: ({ media, caption }) => ({ type: "picture", text: caption ?? "", media: media.url }),
    // A `reply` button comes back as a message whose text is ActionBody. Full width, one row each.
    buttons: ({ text, buttons }) => ({
      type: "text",
      text,
      keyboard: {
        Type: "keyboard",
        DefaultHeight: false,
        Buttons: buttons.map((b) => ({ ActionType: "reply", ActionBody: b.payload, Text: b.label, Columns: 6, Rows: 1 })),
      },
    }),
    list: notOnChannel("Viber"),
    quick_replies: notOnChannel("Viber"),
  }),
  degraded: [],
});
