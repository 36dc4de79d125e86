import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

// WhatsApp Cloud API `POST /<version>/<phone_number_id>/messages` bodies; the sender adds `to`.
export const renderWhatsapp: ChannelRenderer = (parts) => ({
  payloads: mapParts<object>(parts, {
    text: ({ text }) => whatsapp({ type: "text", text: { body: text } }),
    media: ({ media, caption }) => {
      const type = media.kind === "file" ? "document" : media.kind;
      const object: Record<string, string> = { link: media.url };
      // Audio messages take no caption; planParts never gives one.
      if (caption && media.kind !== "audio") object.caption = caption;
      if (type === "document" && media.filename) object.filename = media.filename;
      return whatsapp({ type, [type]: object });
    },
    numbered_text: ({ text }) => whatsapp({ type: "text", text: { body: text } }),
    buttons: ({ text, buttons }) =>
      whatsapp({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text },
          action: { buttons: buttons.map((b) => ({ type: "reply", reply: { id: b.payload, title: b.label } })) },
        },
      }),
    list: ({ text, buttonLabel, rows }) =>
      whatsapp({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text },
          action: {
            button: buttonLabel,
            sections: [
              {
                rows: rows.map((r) => ({ id: r.payload, title: r.label, ...(r.description ? { description: r.description } : {}) })),
              },
            ],
          },
        },
      }),
    quick_replies: notOnChannel("WhatsApp"),
  }),
  degraded: [],
});

function whatsapp(body: Record<string, unknown>) {
  return { messaging_product: "whatsapp", ...body };
}
