// One entry of the widget's conversation, as /history and /stream send it.
export type WidgetMessage = {
  id: string;
  from: "visitor" | "bot";
  text: string;
  buttons: { label: string; payload: string }[];
  media?: { kind: string; url: string; filename?: string };
  at: string;
  // Bot messages: the stream cursor (the outbox sequence); the widget resumes after the last one it saw.
  cursor?: number;
};

type FeedRow = { sender: "visitor" | "bot"; id: string; content: unknown; at: Date | string; seq: number | string | null };

// A stored row → what the widget draws. Bot rows hold render()'s web-chat payload
// ({ type: "message", text, buttons?, media? }); visitor rows hold the normalised inbound event.
export function toWidgetMessage(row: FeedRow): WidgetMessage {
  const at = new Date(row.at).toISOString();
  if (row.sender === "visitor") {
    const event = (row.content ?? {}) as { message?: { text?: unknown; payload?: unknown } };
    const text = typeof event.message?.text === "string" ? event.message.text : typeof event.message?.payload === "string" ? event.message.payload : "";
    return { id: row.id, from: "visitor", text, buttons: [], at };
  }
  const content = (row.content ?? {}) as { text?: unknown; payload?: { text?: unknown; buttons?: unknown; media?: unknown } };
  const payload = content.payload ?? {};
  const text = typeof payload.text === "string" ? payload.text : typeof content.text === "string" ? content.text : "";
  const message: WidgetMessage = { id: row.id, from: "bot", text, buttons: readButtons(payload.buttons), at, cursor: Number(row.seq ?? 0) };
  const media = readMedia(payload.media);
  if (media) message.media = media;
  return message;
}

function readButtons(value: unknown): WidgetMessage["buttons"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((button: { label?: unknown; payload?: unknown }) =>
    typeof button?.label === "string" && typeof button.payload === "string" ? [{ label: button.label, payload: button.payload }] : [],
  );
}

function readMedia(value: unknown): WidgetMessage["media"] | undefined {
  const media = value as { kind?: unknown; url?: unknown; filename?: unknown } | undefined;
  if (!media || typeof media.url !== "string" || typeof media.kind !== "string") return undefined;
  return { kind: media.kind, url: media.url, ...(typeof media.filename === "string" ? { filename: media.filename } : {}) };
}

export type { FeedRow };
