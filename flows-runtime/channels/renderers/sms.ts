import { countSmsSegments } from "../count-sms-segments";
import { mapParts, notOnChannel, type ChannelRenderer } from "./channel-renderer";

// Twilio `Messages.json` form fields; the sender adds `To` and `From` / `MessagingServiceSid`.
export const renderSms: ChannelRenderer = (parts) => {
  const payloads = mapParts(parts, {
    text: ({ text }) => ({ Body: text }),
    numbered_text: ({ text }) => ({ Body: text }),
    media: notOnChannel("SMS"),
    buttons: notOnChannel("SMS"),
    list: notOnChannel("SMS"),
    quick_replies: notOnChannel("SMS"),
  });
  const counts = payloads.map((p) => countSmsSegments(p.Body));
  const segments = counts.reduce((sum, c) => sum + c.segments, 0);
  if (segments <= 1) return { payloads, degraded: [] };
  const ucs2 = counts.some((c) => c.encoding === "UCS-2");
  const why = ucs2
    ? "it has characters outside GSM-7 (such as Japanese or emoji), so a segment holds 70 characters, 67 when a message spans several"
    : "a segment holds 160 characters, 153 when a message spans several";
  return {
    payloads,
    degraded: [{ code: "sms_segments", message: `SMS bills this as ${segments} segments: ${why}.` }],
  };
};
