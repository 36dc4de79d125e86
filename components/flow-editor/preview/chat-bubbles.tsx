import type { ChannelType, RenderedPart } from "@/flows-runtime";

// A chat-app mock of one rendered message: bubbles on the bot's side, buttons and chips under them.
export function ChatBubbles({ parts, channel }: { parts: readonly RenderedPart[]; channel: ChannelType }) {
  return (
    <div className="space-y-1.5" data-testid="preview-message" data-channel={channel}>
      {parts.map((part, index) => (
        <PartView key={index} part={part} />
      ))}
    </div>
  );
}

const bubble = "max-w-[90%] whitespace-pre-wrap break-words rounded-lg rounded-tl-none bg-white px-3 py-2 text-sm text-slate-900 shadow-sm";
const button = "block w-full rounded bg-white px-3 py-1.5 text-center text-sm text-sky-700 shadow-sm";

function PartView({ part }: { part: RenderedPart }) {
  switch (part.kind) {
    case "text":
      return (
        <p className={bubble} data-testid="preview-part-text">
          {part.text}
        </p>
      );
    case "media":
      return (
        <div className={bubble} data-testid="preview-part-media">
          <div className="mb-1 flex h-20 items-center justify-center rounded bg-slate-200 text-xs text-slate-500">
            {part.media.kind === "image" ? "🖼 Image" : part.media.kind === "video" ? "🎬 Video" : part.media.kind === "audio" ? "🔊 Audio" : "📄 File"}
            {part.media.filename ? ` · ${part.media.filename}` : ""}
          </div>
          <p className="truncate text-[11px] text-slate-400">{part.media.url}</p>
          {part.caption ? <p className="mt-1">{part.caption}</p> : null}
        </div>
      );
    case "buttons":
      return (
        <div className="max-w-[90%] space-y-1" data-testid="preview-part-buttons">
          {part.text ? <p className={bubble}>{part.text}</p> : null}
          {part.buttons.map((item, index) => (
            <span key={index} className={button}>
              {item.label}
            </span>
          ))}
        </div>
      );
    case "list":
      return (
        <div className="max-w-[90%] space-y-1" data-testid="preview-part-list">
          <p className={bubble}>{part.text}</p>
          <span className={button}>☰ {part.buttonLabel}</span>
          <ul className="divide-y divide-slate-100 rounded bg-white text-sm shadow-sm">
            {part.rows.map((row, index) => (
              <li key={index} className="px-3 py-1.5">
                <span className="block">{row.label}</span>
                {row.description ? <span className="block text-xs text-slate-500">{row.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      );
    case "quick_replies":
      return (
        <div className="space-y-1.5" data-testid="preview-part-quick-replies">
          <p className={bubble}>{part.text}</p>
          <div className="flex flex-wrap justify-end gap-1">
            {part.replies.map((reply, index) => (
              <span key={index} className="rounded-full border border-sky-500 bg-white px-3 py-0.5 text-xs text-sky-700">
                {reply.label}
              </span>
            ))}
          </div>
        </div>
      );
    case "numbered_text":
      return (
        <p className={bubble} data-testid="preview-part-numbered">
          {part.text}
        </p>
      );
  }
}
