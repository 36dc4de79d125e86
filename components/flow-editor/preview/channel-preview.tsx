"use client";

import { useMemo, useState } from "react";
import { channelCapabilities, channelTypes, findNodeKind, render, type ChannelType } from "@/flows-runtime";
import { useFlowEditor } from "../store/flow-editor-context";
import { ChatBubbles } from "./chat-bubbles";
import { lenientParse } from "./lenient-parse";

// How this node's messages arrive on each channel, straight from render(): what is cut, split or
// replaced is listed under the mock. Templates stay as written ({{contact.first_name}}).
export function ChannelPreview({ nodeId }: { nodeId: string }) {
  const node = useFlowEditor((state) => state.committed.nodes[nodeId]);
  const [channel, setChannel] = useState<ChannelType>("whatsapp");
  const rendered = useMemo(() => {
    const definition = node ? findNodeKind(node.kind) : undefined;
    const parsed = definition ? lenientParse(definition.data, node?.data ?? {}) : null;
    if (!definition?.messages || !parsed) return null;
    return { partial: parsed.partial, messages: definition.messages(parsed.data).map((message) => render(message, channel)) };
  }, [node, channel]);
  const name = channelCapabilities[channel].displayName;
  const degraded = rendered?.messages.flatMap((message) => message.degraded) ?? [];

  return (
    <section data-testid="channel-preview" className="space-y-2 rounded border border-slate-200 p-3">
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold text-slate-700">Preview on</h3>
        <select
          className="nodrag rounded border border-slate-300 bg-white px-2 py-0.5 text-sm"
          data-testid="channel-preview-select"
          value={channel}
          onChange={(event) => setChannel(event.target.value as ChannelType)}
        >
          {channelTypes.map((type) => (
            <option key={type} value={type}>
              {capitalise(channelCapabilities[type].displayName)}
            </option>
          ))}
        </select>
      </div>
      {rendered === null ? (
        <p className="text-xs text-slate-500">Fix the fields above to see a preview.</p>
      ) : (
        <div className="space-y-3 rounded bg-slate-100 p-3">
          {rendered.partial ? <p className="text-xs text-slate-500">Fields with problems are left out of this preview.</p> : null}
          {rendered.messages.every((message) => message.parts.length === 0) ? <p className="text-xs text-slate-500">Nothing to send yet.</p> : null}
          {rendered.messages.filter((message) => message.parts.length > 0).map((message, index) => (
            <ChatBubbles key={index} parts={message.parts} channel={channel} />
          ))}
        </div>
      )}
      {degraded.length > 0 ? (
        <div data-testid="channel-preview-degraded" className="rounded border border-yellow-300 bg-yellow-50 p-2 text-xs text-yellow-900">
          <p className="font-semibold">Degraded on {capitalise(name)}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            {degraded.map((item, index) => (
              <li key={`${item.code}-${index}`}>{item.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
