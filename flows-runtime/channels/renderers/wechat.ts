import { channelCapabilities } from "../channel-capabilities";
import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

const perReply = channelCapabilities.wechat.maxMessagesPerReply ?? 5;

// Customer-service API (`/cgi-bin/message/custom/send`) bodies; the sender adds `touser`.
export const renderWechat: ChannelRenderer = (parts) => {
  const payloads = mapParts<object>(parts, {
    text: ({ text }) => ({ msgtype: "text", text: { content: text } }),
    numbered_text: ({ text }) => ({ msgtype: "text", text: { content: text } }),
    // A tap sends the row's content as a text message with `bizmsgmenuid` set to its id.
    list: ({ text, rows }) => ({
      msgtype: "msgmenu",
      msgmenu: { head_content: text, list: rows.map((r) => ({ id: r.payload, content: r.label })), tail_content: "" },
    }),
    media: notOnChannel("WeChat"),
    buttons: notOnChannel("WeChat"),
    quick_replies: notOnChannel("WeChat"),
  });
  const degraded =
    payloads.length > perReply
      ? [
          {
            code: "messages_over_reply_quota",
            message: `WeChat allows ${perReply} customer-service messages per message from the contact: this sends ${payloads.length}, so the last ${payloads.length - perReply} may be refused.`,
          },
        ]
      : [];
  return { payloads, degraded };
};
