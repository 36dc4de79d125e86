import { channelCapabilities } from "../channel-capabilities";
import { truncateLabel } from "../truncate-label";
import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

const perCall = channelCapabilities.line.maxMessagesPerReply ?? 5;

// One payload per API call: `{ messages: [...] }` with at most 5 message objects, the body of a reply
// (sender adds `replyToken`) or push (sender adds `to`). A reply token works once, so calls after the
// first must be pushes.
export const renderLine: ChannelRenderer = (parts, message) => {
  const messages = mapParts<object>(parts, {
    text: ({ text }) => ({ type: "text", text }),
    numbered_text: ({ text }) => ({ type: "text", text }),
    // LINE has no caption: planParts sends the text as its own message.
    media: ({ media }) => ({ type: "image", originalContentUrl: media.url, previewImageUrl: media.url }),
    quick_replies: ({ text, replies }) => ({
      type: "text",
      text,
      quickReply: {
        items: replies.map((r, i) => ({
          type: "action",
          action: {
            type: "postback",
            label: r.label,
            data: r.payload,
            // What appears in the chat as the contact's answer: the full label, not the cut one.
            displayText: truncateLabel(message.choices[i]?.label.trim() || r.label, 300, "utf16"),
          },
        })),
      },
    }),
    buttons: notOnChannel("LINE"),
    list: notOnChannel("LINE"),
  });
  const payloads = [];
  for (let i = 0; i < messages.length; i += perCall) payloads.push({ messages: messages.slice(i, i + perCall) });
  const degraded =
    payloads.length > 1
      ? [
          {
            code: "messages_over_call_limit",
            message: `LINE sends at most ${perCall} messages per call: these ${messages.length} messages go out in ${payloads.length} calls, and the later ones are pushed (they count toward your LINE message quota).`,
          },
        ]
      : [];
  return { payloads, degraded };
};
