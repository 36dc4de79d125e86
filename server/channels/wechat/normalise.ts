import type { InboundMessage } from "@/flows-runtime";
import { MalformedWebhookError, type NormalisedEvent, type RawWebhook } from "../channel-adapter";
import { readWechatXml, type WechatFields } from "./read-wechat-xml";

// One WeChat push is one message or event. Ids stay strings straight from the XML text (MsgId
// exceeds 2^53). Dedupe: MsgId for messages; FromUserName + CreateTime for events (as WeChat
// advises), plus the event name so two different events in the same second are both kept.
export function normaliseWechat(request: RawWebhook): NormalisedEvent[] {
  const fields = readWechatXml(request.rawBody);
  if (fields.Encrypt !== undefined && fields.MsgType === undefined) {
    throw new MalformedWebhookError(
      "This WeChat body is encrypted (safe mode): set message encryption to plaintext or compatible mode.",
    );
  }
  const from = fields.FromUserName;
  const createTime = fields.CreateTime;
  const msgType = fields.MsgType;
  if (!from || !msgType || !createTime || !/^\d+$/.test(createTime)) {
    throw new MalformedWebhookError("Not a WeChat push: FromUserName, CreateTime or MsgType is missing.");
  }
  const base = {
    contact: { externalId: from },
    timestamp: Number(createTime) * 1000,
    context: fields.ToUserName ? { officialAccountId: fields.ToUserName } : undefined,
  };
  if (msgType === "event") return [eventFrom(fields, base, `${from}:${createTime}`)];
  const message = messageFrom(fields, msgType);
  const dedupeKey = fields.MsgId || `${from}:${createTime}:${msgType}`;
  if (!message) {
    return [{ ...base, dedupeKey, kind: "unknown", note: `WeChat message of type "${msgType}", which Kaiwa does not read.` }];
  }
  const mediaContext = pick(fields, { MediaId: "mediaId", ThumbMediaId: "thumbMediaId", Format: "format" });
  return [{ ...base, context: { ...base.context, ...mediaContext }, dedupeKey, kind: "message", message }];
}

type Base = Pick<NormalisedEvent, "contact" | "timestamp" | "context">;

function messageFrom(f: WechatFields, msgType: string): InboundMessage | undefined {
  switch (msgType) {
    case "text":
      // A tap on a msgmenu row comes back as text with the row's id in bizmsgmenuid.
      return { text: f.Content ?? "", ...(f.bizmsgmenuid ? { payload: f.bizmsgmenuid } : {}) };
    case "image":
      return { media: { kind: "image", ...(f.PicUrl ? { url: f.PicUrl } : {}) } };
    case "voice": {
      // Voice has only a MediaId (fetched with an access token, so never a URL here); Recognition is
      // WeChat's own transcript when speech recognition is switched on.
      const mimeType = f.Format ? `audio/${f.Format.toLowerCase()}` : undefined;
      return { ...(f.Recognition ? { text: f.Recognition } : {}), media: { kind: "audio", ...(mimeType ? { mimeType } : {}) } };
    }
    case "video":
    case "shortvideo":
      return { media: { kind: "video" } };
    case "location": {
      const latitude = Number(f.Location_X);
      const longitude = Number(f.Location_Y);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || f.Location_X === "" || f.Location_Y === "") return undefined;
      return { location: { latitude, longitude, ...(f.Label ? { name: f.Label } : {}) } };
    }
    case "link":
      return { text: [f.Title, f.Description, f.Url].filter((s) => s).join("\n") };
    default:
      return undefined;
  }
}

function eventFrom(f: WechatFields, base: Base, fromAndTime: string): NormalisedEvent {
  const event = f.Event ?? "";
  const dedupeKey = `${fromAndTime}:${event}`;
  const eventKey = f.EventKey ?? "";
  const ticket: Record<string, string> = f.Ticket ? { ticket: f.Ticket } : {};
  switch (event.toLowerCase()) {
    case "subscribe": {
      // Following through a parametric QR code carries EventKey "qrscene_<param>".
      const ref = eventKey.startsWith("qrscene_") ? eventKey.slice("qrscene_".length) : undefined;
      return { ...base, context: { ...base.context, ...ticket }, dedupeKey, kind: "follow", ...(ref ? { ref } : {}) };
    }
    case "unsubscribe":
      return { ...base, dedupeKey, kind: "unfollow" };
    case "scan":
      // An existing follower scanned a parametric QR code: EventKey is the bare scene parameter.
      return { ...base, context: { ...base.context, ...ticket }, dedupeKey, kind: "referral", ...(eventKey ? { ref: eventKey } : {}) };
    case "click":
      return { ...base, dedupeKey, kind: "message", message: { payload: eventKey } };
    case "templatesendjobfinish": {
      const msgId = f.MsgID ?? f.MsgId ?? "";
      const raw = f.Status ?? "";
      const failed = raw !== "success";
      return {
        ...base,
        dedupeKey: `${msgId}:${raw}`,
        kind: "status",
        status: { externalMessageId: msgId, status: failed ? "failed" : "delivered", ...(failed ? { error: raw } : {}) },
      };
    }
    default:
      return { ...base, dedupeKey, kind: "unknown", note: describeUnknownEvent(event, eventKey) };
  }
}

function describeUnknownEvent(event: string, eventKey: string): string {
  if (event === "VIEW") return `WeChat menu link opened: ${eventKey.slice(0, 200)}`;
  if (event === "LOCATION") return "WeChat location report (sent when the contact opens the chat).";
  return `WeChat event "${event.slice(0, 60)}", which Kaiwa does not read.`;
}

function pick(f: WechatFields, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(names)) if (f[field]) out[key] = f[field];
  return out;
}
