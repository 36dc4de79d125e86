"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { primaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";

const input = "w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

// Name, channel, ref, optional flow; the channel's handle only when its credentials do not hold it.
export function CreateEntryPointForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const channels = useQuery(trpc.entryPoints.channels.queryOptions());
  const flows = useQuery(trpc.flows.list.queryOptions());
  const [channelId, setChannelId] = useState("");
  const [name, setName] = useState("");
  const [ref, setRef] = useState("");
  const [flowId, setFlowId] = useState("");
  const [target, setTarget] = useState("");
  const [prefilledText, setPrefilledText] = useState("");
  const create = useMutation(
    trpc.entryPoints.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.entryPoints.list.queryKey() });
        setName("");
        setRef("");
        setTarget("");
        setPrefilledText("");
        onCreated();
      },
    }),
  );
  const channel = channels.data?.find((candidate) => candidate.id === channelId) ?? channels.data?.[0];
  if (channels.data && channels.data.length === 0) {
    return <p className="text-sm text-slate-600">Connect a channel first (Channels page), then make entry points for it.</p>;
  }
  const takesText = channel?.type === "whatsapp" || channel?.type === "sms";

  return (
    <form
      data-testid="entry-point-form"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!channel) return;
        create.mutate({ channelId: channel.id, name, ref, flowId: flowId || null, target: target || null, prefilledText: takesText ? prefilledText || null : null });
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Channel</span>
        <select data-testid="entry-point-channel" className={input} value={channel?.id ?? ""} onChange={(event) => setChannelId(event.target.value)}>
          {channels.data?.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.type})
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Name</span>
        <input data-testid="entry-point-name" className={input} value={name} onChange={(event) => setName(event.target.value)} placeholder="Shop poster" required />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Ref</span>
        <input data-testid="entry-point-ref" className={input} value={ref} onChange={(event) => setRef(event.target.value)} placeholder="poster_2025" required />
        <span className="mt-1 block text-xs text-slate-500">The value the link carries; triggers match it. Letters, digits, _ and -.</span>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Flow (optional)</span>
        <select data-testid="entry-point-flow" className={input} value={flowId} onChange={(event) => setFlowId(event.target.value)}>
          <option value="">None</option>
          {flows.data?.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      {channel?.handle.needed && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{channel.handle.label}</span>
          <input
            data-testid="entry-point-target"
            className={input}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            placeholder={channel.handle.known ?? channel.handle.placeholder}
          />
          {channel.handle.known && <span className="mt-1 block text-xs text-slate-500">Leave empty to use {channel.handle.known}.</span>}
        </label>
      )}
      {takesText && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Prefilled message</span>
          <input data-testid="entry-point-text" className={input} value={prefilledText} onChange={(event) => setPrefilledText(event.target.value)} placeholder="Hi! I saw your poster" />
          <span className="mt-1 block text-xs text-slate-500">
            “{channel?.refPrefix || "ref:"}
            {ref || "…"}” is added so Kaiwa knows where the contact came from.
          </span>
        </label>
      )}
      {channel?.type === "line" && <p className="text-xs text-slate-500 sm:col-span-2">LINE add-friend links carry no ref: contacts who follow the account are attributed to its entry point.</p>}
      {channel?.type === "wechat" && <p className="text-xs text-slate-500 sm:col-span-2">Kaiwa asks WeChat for a permanent parametric QR code with this ref as its scene.</p>}
      {create.error && (
        <p role="alert" data-testid="entry-point-error" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 sm:col-span-2">
          {create.error.message}
        </p>
      )}
      <div className="sm:col-span-2">
        <button type="submit" data-testid="create-entry-point-button" className={primaryButton} disabled={create.isPending || !channel}>
          Create entry point
        </button>
      </div>
    </form>
  );
}
