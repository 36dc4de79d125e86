import type { InboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channel-adapter";
import { optOutKeyword } from "./opt-out-keywords";

type MediaKind = NonNullable<InboundMessage["media"]>["kind"];
type DeliveryStatus = NonNullable<NormalisedEvent["status"]>["status"];

const statusMap: Record<string, DeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

// One Twilio request is one inbound message or one status callback. Twilio sends no event time, so
// `timestamp` is absent (the pipeline's receipt order applies). Dedupe: MessageSid; statuses
// MessageSid + status.
export function normaliseSms(request: RawWebhook): NormalisedEvent[] {
  const contentType = request.headers.get("content-type");
  const trimmed = request.rawBody.trimStart();
  if ((contentType && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) || /^[{[<]/.test(trimmed)) {
    throw new MalformedWebhookError("Not a Twilio webhook: the body is not form-encoded.");
  }
  const p = new URLSearchParams(request.rawBody);
  const sid = p.get("MessageSid") ?? p.get("SmsSid");
  if (!sid || !p.get("AccountSid")) throw new MalformedWebhookError("Not a Twilio Messaging webhook: MessageSid or AccountSid is missing.");

  const context: Record<string, string> = {};
  if (p.get("To")) context.to = p.get("To") as string;
  if (p.get("MessagingServiceSid")) context.messagingServiceSid = p.get("MessagingServiceSid") as string;

  const status = p.get("MessageStatus") ?? (p.get("SmsStatus") === "received" ? null : p.get("SmsStatus"));
  if (status && status !== "received" && status !== "receiving") return [statusEvent(p, sid, status, context)];

  const from = p.get("From");
  if (!from) throw new MalformedWebhookError("Not a Twilio Messaging webhook: From is missing.");
  const message = inboundMessage(p, context);
  const kind = optOutKeyword(message.text ?? "", p.get("OptOutType")) ?? "message";
  return [{ dedupeKey: sid, kind, contact: { externalId: from }, message, context }];
}

function statusEvent(p: URLSearchParams, sid: string, raw: string, context: Record<string, string>): NormalisedEvent {
  const base = { dedupeKey: `${sid}:${raw}`, contact: { externalId: p.get("To") ?? "" }, context };
  const status = statusMap[raw];
  if (!status) {
    return { ...base, kind: "unknown", note: `Twilio status "${raw.slice(0, 40)}" for ${sid}: an intermediate step, nothing to record.` };
  }
  const code = p.get("ErrorCode");
  const detail = p.get("ErrorMessage");
  const error = status === "failed" ? [`Twilio ${raw}`, code ? `error ${code}` : "", detail ?? ""].filter((s) => s).join(": ") : undefined;
  return { ...base, kind: "status", status: { externalMessageId: sid, status, ...(error ? { error } : {}) } };
}

function inboundMessage(p: URLSearchParams, context: Record<string, string>): InboundMessage {
  const message: InboundMessage = {};
  const body = p.get("Body");
  if (body) message.text = body;
  // MMS may carry up to 10 media: the first is the message's media, the others go to context.
  // Twilio media URLs may need the Account SID and Auth Token to fetch (HTTP auth on media).
  const count = Math.min(Number(p.get("NumMedia") ?? "0") || 0, 10);
  for (let i = 0; i < count; i += 1) {
    const url = p.get(`MediaUrl${i}`);
    const mimeType = p.get(`MediaContentType${i}`) ?? undefined;
    if (!url) continue;
    if (!message.media) message.media = { kind: mediaKind(mimeType), url, ...(mimeType ? { mimeType } : {}) };
    else {
      context[`mediaUrl${i}`] = url;
      if (mimeType) context[`mediaContentType${i}`] = mimeType;
    }
  }
  // WhatsApp through Twilio shares this webhook and may send a location.
  const latitude = Number(p.get("Latitude"));
  const longitude = Number(p.get("Longitude"));
  if (p.get("Latitude") && p.get("Longitude") && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    message.location = { latitude, longitude, ...(p.get("Label") ? { name: p.get("Label") as string } : {}) };
  }
  if (!message.text && !message.media && !message.location) message.text = "";
  return message;
}

function mediaKind(mimeType: string | undefined): MediaKind {
  if (mimeType?.startsWith("image/")) return "image";
  if (mimeType?.startsWith("video/")) return "video";
  if (mimeType?.startsWith("audio/")) return "audio";
  return "file";
}
