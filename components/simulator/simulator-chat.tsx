"use client";

import { memo, useState } from "react";
import type { InboundMessage, RenderedPart } from "@/flows-runtime";
import type { SimulatorViewMessage as SimulatorMessage } from "./simulator-types";

type Send = (message: InboundMessage) => void;

// The conversation as the chosen channel shows it: reply buttons, lists, quick replies and numbered
// text come from render() as stored with each message, so a degraded message looks degraded here.
// `onSend` must keep its identity across renders: each answer gives the chat a new list (the messages it
// had and the new ones), and only the messages that are new (or changed status) are drawn again.
export function SimulatorChat({ messages, channelLabel, busy, onSend }: { messages: SimulatorMessage[]; channelLabel: string; busy: boolean; onSend: Send }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {/* A disabled fieldset disables every choice button in it: waiting for an answer changes one attribute, not every message. */}
      <fieldset disabled={busy} className="flex min-h-0 flex-1 flex-col">
        {/* Reversed, the scroll box starts at its bottom and stays there as messages arrive, with no
            script reading the layout in the middle of the answer's render to scroll it. */}
        <div data-testid="simulator-scroll" className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto bg-slate-50">
          <ol data-testid="simulator-messages" className="mb-auto space-y-2 p-3" aria-label={`Conversation as on ${channelLabel}`}>
            {messages.length === 0 && <li className="text-center text-xs text-slate-500">Nothing yet: write as the contact would.</li>}
            {messages.map((message) => (message.from === "contact" ? <ContactBubble key={message.id} message={message} /> : <BotMessage key={message.id} message={message} onSend={onSend} />))}
          </ol>
        </div>
      </fieldset>
      <Composer busy={busy} onSend={onSend} />
    </div>
  );
}

// A stored message never changes except for its delivery status.
const sameMessage = (before: { message: SimulatorMessage }, after: { message: SimulatorMessage }) =>
  before.message.id === after.message.id && before.message.status === after.message.status && before.message.error === after.message.error;

const ContactBubble = memo(function ContactBubble({ message }: { message: SimulatorMessage }) {
  const text = message.location ? `📍 ${message.location.name ?? `${message.location.latitude}, ${message.location.longitude}`}` : message.media ? `[${message.media.kind}] ${message.text}` : message.text;
  return (
    <li data-testid="simulator-message" data-from="contact" className="ml-auto max-w-[80%] rounded-xl rounded-br-sm bg-emerald-600 px-3 py-2 text-sm whitespace-pre-wrap text-white">
      {text}
    </li>
  );
}, sameMessage);

const BotMessage = memo(function BotMessage({ message, onSend }: { message: SimulatorMessage; onSend: Send }) {
  const parts = message.parts.length > 0 ? message.parts : [{ kind: "text" as const, text: message.text }];
  return (
    <li data-testid="simulator-message" data-from="bot" data-status={message.status} className="max-w-[85%] space-y-1">
      {parts.map((part, index) => (
        <Part key={index} part={part} onSend={onSend} />
      ))}
      {message.degraded.length > 0 && (
        <p data-testid="simulator-degraded" className="rounded-md bg-amber-50 px-2 py-1 text-[11px] text-amber-800" title={message.degraded.map((d) => d.message).join("\n")}>
          ⚠ Changed for this channel: {message.degraded.map((d) => d.message).join(" ")}
        </p>
      )}
      {message.status === "failed" && (
        <p data-testid="simulator-failed" className="rounded-md bg-rose-50 px-2 py-1 text-[11px] text-rose-800">
          Not sent: {message.error}
        </p>
      )}
    </li>
  );
}, (before, after) => sameMessage(before, after) && before.onSend === after.onSend);

function Part({ part, onSend }: { part: RenderedPart; onSend: Send }) {
  const bubble = "rounded-xl rounded-bl-sm border border-slate-200 bg-white px-3 py-2 text-sm whitespace-pre-wrap text-slate-900";
  const choice = "rounded-lg border border-sky-300 bg-white px-2.5 py-1 text-xs font-medium text-sky-800 hover:bg-sky-50 disabled:opacity-50";
  const tap = (label: string, payload: string) => onSend({ text: label, payload });
  switch (part.kind) {
    case "text":
    case "numbered_text":
      return <div className={bubble} data-part={part.kind}>{part.text}</div>;
    case "media":
      return (
        <div className={bubble} data-part="media">
          {/* eslint-disable-next-line @next/next/no-img-element -- any URL a flow sends; next/image needs its hosts listed */}
          {part.media.kind === "image" ? <img src={part.media.url} alt={part.caption ?? ""} className="max-h-40 rounded" /> : <a href={part.media.url} className="text-sky-700 underline">{part.media.filename ?? part.media.url}</a>}
          {part.caption && <p>{part.caption}</p>}
        </div>
      );
    case "buttons":
    case "quick_replies": {
      const options = part.kind === "buttons" ? part.buttons : part.replies;
      return (
        <div data-part={part.kind}>
          <div className={bubble}>{part.text}</div>
          <div className={`mt-1 flex flex-wrap gap-1 ${part.kind === "buttons" ? "flex-col" : ""}`}>
            {options.map((option) => (
              <button key={option.payload} type="button" data-testid="simulator-choice" className={choice} onClick={() => tap(option.label, option.payload)}>
                {option.label}
              </button>
            ))}
          </div>
        </div>
      );
    }
    case "list":
      return <ListPart part={part} bubble={bubble} choice={choice} onTap={tap} />;
  }
}

// A WhatsApp list: a button that opens its rows, as on the phone.
function ListPart({ part, bubble, choice, onTap }: { part: Extract<RenderedPart, { kind: "list" }>; bubble: string; choice: string; onTap: (label: string, payload: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div data-part="list">
      <div className={bubble}>{part.text}</div>
      <button type="button" data-testid="simulator-list-button" className={`${choice} mt-1 w-full`} onClick={() => setOpen((value) => !value)}>
        ☰ {part.buttonLabel}
      </button>
      {open && (
        <div className="mt-1 flex flex-col gap-1">
          {part.rows.map((row) => (
            <button key={row.payload} type="button" data-testid="simulator-choice" className={`${choice} text-left`} onClick={() => onTap(row.label, row.payload)}>
              {row.label}
              {row.description && <span className="block text-[11px] font-normal text-slate-500">{row.description}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Composer({ busy, onSend }: { busy: boolean; onSend: Send }) {
  const [text, setText] = useState("");
  const send = () => {
    if (!text.trim()) return;
    onSend({ text: text.trim() });
    setText("");
  };
  const sendImage = () => {
    const url = window.prompt("Image URL the contact sends", "https://example.com/photo.jpg");
    if (url) onSend({ media: { kind: "image", url, mimeType: "image/jpeg" } });
  };
  const sendLocation = () => {
    const answer = window.prompt("Latitude, longitude (and a name)", "35.6812, 139.7671, Tokyo Station");
    const [lat, lng, ...name] = (answer ?? "").split(",").map((part) => part.trim());
    if (lat && lng && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng))) {
      onSend({ location: { latitude: Number(lat), longitude: Number(lng), ...(name.length > 0 ? { name: name.join(", ") } : {}) } });
    }
  };
  return (
    <form
      className="flex items-center gap-1 border-t border-slate-200 bg-white p-2"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <button type="button" title="Send an image" aria-label="Send an image" className="rounded px-1.5 py-1 text-slate-500 hover:bg-slate-100" onClick={sendImage} disabled={busy}>
        🖼
      </button>
      <button type="button" title="Send a location" aria-label="Send a location" className="rounded px-1.5 py-1 text-slate-500 hover:bg-slate-100" onClick={sendLocation} disabled={busy}>
        📍
      </button>
      <input data-testid="simulator-input" aria-label="Message as the contact" className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={text} onChange={(event) => setText(event.target.value)} placeholder="Write as the contact…" />
      <button type="submit" data-testid="simulator-send" className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50" disabled={busy || !text.trim()}>
        Send
      </button>
    </form>
  );
}
