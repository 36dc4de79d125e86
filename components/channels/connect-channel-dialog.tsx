"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ModalDialog } from "@/components/flows/modal-dialog";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ChannelType } from "@/flows-runtime";
import { channelCatalogue, channelTypeLabels } from "./channel-catalogue";
import { ChannelForm, type ChannelFormValues } from "./channel-form";
import { ChannelIcon } from "./channel-icon";
import { randomToken } from "./random-token";
import { useChannelTypes, type ChannelTypeInfo } from "./use-channels";

// Pick a platform, fill in its credentials, land on the new channel's page with the setup steps.
export function ConnectChannelDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [picked, setPicked] = useState<ChannelTypeInfo | null>(null);
  const close = () => {
    setPicked(null);
    onClose();
  };
  return (
    <ModalDialog
      open={open}
      onClose={close}
      size="xl"
      testId="connect-channel-dialog"
      title={picked ? `Connect ${channelTypeLabels[picked.type]}` : "Connect a channel"}
      description={picked ? channelCatalogue[picked.type].blurb : "Where should your flows talk to people?"}
    >
      {picked ? <ConnectForm info={picked} onBack={() => setPicked(null)} onDone={close} /> : <TypePicker onPick={setPicked} />}
    </ModalDialog>
  );
}

function TypePicker({ onPick }: { onPick: (info: ChannelTypeInfo) => void }) {
  const types = useChannelTypes();
  if (types.isPending) return <p className="px-6 py-8 text-sm text-slate-500">Loading channel types…</p>;
  if (types.isError) return <p role="alert" className="px-6 py-8 text-sm text-rose-700">Could not load channel types: {types.error.message}</p>;
  return (
    <div className="grid grid-cols-1 gap-3 overflow-y-auto px-6 py-5 sm:grid-cols-3">
      {types.data.map((info) => (
        <button
          key={info.type}
          type="button"
          data-testid={`channel-type-${info.type}`}
          disabled={!info.available}
          onClick={() => onPick(info)}
          className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 text-left hover:border-indigo-400 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50"
        >
          <ChannelIcon type={info.type} />
          <span className="min-w-0">
            <span className="block text-sm font-semibold text-slate-900">{info.label}</span>
            <span className="block text-xs text-slate-500">{info.available ? channelCatalogue[info.type].blurb : "Not available yet"}</span>
          </span>
        </button>
      ))}
    </div>
  );
}

function ConnectForm({ info, onBack, onDone }: { info: ChannelTypeInfo; onBack: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.channels.create.mutationOptions({
      onSuccess: async (channel) => {
        await queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() });
        onDone();
        router.push(`/channels/${channel.id}`);
      },
    }),
  );
  // A fresh verify token is suggested, since the user invents it anyway and a strong one is better.
  const [initial] = useState<ChannelFormValues>(() => ({
    name: channelTypeLabels[info.type],
    credentials: Object.fromEntries(
      info.fields.map((field) => [field.name, field.verifyToken ? randomToken() : (field.defaultValue ?? "")]),
    ),
    apiBaseUrl: "",
  }));
  const submit = (values: ChannelFormValues) =>
    create.mutate({ type: info.type as ChannelType, name: values.name, credentials: values.credentials, apiBaseUrl: values.apiBaseUrl || null });
  return (
    <ChannelForm
      type={info.type}
      fields={info.fields}
      initial={initial}
      mode="create"
      pending={create.isPending}
      error={create.error}
      onSubmit={submit}
      onCancel={onBack}
    />
  );
}
