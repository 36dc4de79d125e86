"use client";

import { useState } from "react";
import { primaryButton } from "@/components/flows/buttons";
import { ChannelList } from "./channel-list";
import { ConnectChannelDialog } from "./connect-channel-dialog";

export function ChannelsPage() {
  const [connecting, setConnecting] = useState(false);
  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Channels</h1>
          <p className="mt-1 text-sm text-slate-600">Where your flows meet people. Connect a platform, then paste the webhook URL it gives you.</p>
        </div>
        <button type="button" data-testid="connect-channel-button" className={primaryButton} onClick={() => setConnecting(true)}>
          <span aria-hidden>+</span> Connect a channel
        </button>
      </header>
      <ChannelList onConnect={() => setConnecting(true)} />
      <ConnectChannelDialog open={connecting} onClose={() => setConnecting(false)} />
    </section>
  );
}
