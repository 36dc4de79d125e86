"use client";

import { useNow } from "@/components/flows/use-now";
import { primaryButton } from "@/components/flows/buttons";
import { ChannelRow } from "./channel-row";
import { useChannelList } from "./use-channels";

export function ChannelList({ onConnect }: { onConnect: () => void }) {
  const list = useChannelList();
  const now = useNow(30_000);
  if (list.isPending) return <p className="py-10 text-center text-sm text-slate-500">Loading channels…</p>;
  if (list.isError) return <p role="alert" className="py-10 text-center text-sm text-rose-700">Could not load channels: {list.error.message}</p>;
  if (list.data.length === 0) {
    return (
      <div data-testid="channels-empty" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
        <h2 className="text-base font-semibold text-slate-900">No channels yet</h2>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
          Connect WhatsApp, Messenger, Instagram, Telegram, LINE, Viber, WeChat, SMS or a web chat widget, and your published flows start answering there.
        </p>
        <button type="button" className={`${primaryButton} mt-5`} onClick={onConnect}>
          Connect a channel
        </button>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {list.data.map((channel) => (
        <ChannelRow key={channel.id} channel={channel} now={now} />
      ))}
    </ul>
  );
}
