"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { dangerButton, secondaryButton } from "@/components/flows/buttons";
import { ModalDialog } from "@/components/flows/modal-dialog";
import { useNow } from "@/components/flows/use-now";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { channelTypeLabels } from "./channel-catalogue";
import { ChannelEventsTable } from "./channel-events-table";
import { ChannelForm } from "./channel-form";
import { ChannelIcon } from "./channel-icon";
import { ChannelStatusBadge } from "./channel-status-badge";
import { CopyField } from "./copy-field";
import { DeleteChannelDialog } from "./delete-channel-dialog";
import { formatAgo } from "./format-ago";
import { OutsideWindowSettings } from "./outside-window-settings";
import { SetupSteps } from "./setup-steps";
import type { ChannelDetail } from "./use-channels";

// One channel: what to paste into the platform, whether webhooks arrive, and its settings.
export function ChannelDetails({ channelId }: { channelId: string }) {
  const trpc = useTRPC();
  const channel = useQuery({ ...trpc.channels.get.queryOptions({ id: channelId }), refetchInterval: 15_000, retry: false });
  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <Link href="/channels" className="text-sm text-slate-500 hover:text-slate-800">
        ← Channels
      </Link>
      {channel.isPending && <p className="mt-6 text-sm text-slate-500">Loading channel…</p>}
      {channel.isError && (
        <p role="alert" className="mt-6 text-sm text-rose-700">
          {channel.error.data?.code === "NOT_FOUND" ? "This channel does not exist any more." : `Could not load the channel: ${channel.error.message}`}
        </p>
      )}
      {channel.data && <Loaded channel={channel.data} />}
    </section>
  );
}

function Loaded({ channel }: { channel: ChannelDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const now = useNow(30_000);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.channels.pathKey() });
  const update = useMutation(trpc.channels.update.mutationOptions({ onSuccess: async () => { await refresh(); setEditing(false); } }));
  const enable = useMutation(trpc.channels.enable.mutationOptions({ onSuccess: refresh }));
  const disable = useMutation(trpc.channels.disable.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.channels.delete.mutationOptions({
      onSuccess: async () => {
        router.push("/channels");
        await queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() });
      },
    }),
  );
  const lastWebhook = formatAgo(channel.lastWebhookAt, now);
  const lastError = formatAgo(channel.lastErrorAt, now);
  const disabled = channel.status === "disabled";

  return (
    <>
      <header className="mt-3 mb-6 flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          <ChannelIcon type={channel.type} size="lg" />
          <div>
            <h1 data-testid="channel-title" className="text-2xl font-semibold tracking-tight text-slate-900">
              {channel.name}
            </h1>
            <p className="flex items-center gap-2 text-sm text-slate-500">
              {channelTypeLabels[channel.type]} <ChannelStatusBadge status={channel.status} failing={false} />
            </p>
          </div>
        </div>
        <div className="flex items-center gap-2">
          <button type="button" data-testid="edit-channel-button" className={secondaryButton} onClick={() => setEditing(true)}>
            {channel.type === "webchat" ? "Edit settings" : "Edit credentials"}
          </button>
          <button
            type="button"
            data-testid={disabled ? "enable-channel-button" : "disable-channel-button"}
            className={secondaryButton}
            disabled={enable.isPending || disable.isPending}
            onClick={() => (disabled ? enable : disable).mutate({ id: channel.id })}
          >
            {disabled ? "Enable" : "Disable"}
          </button>
          <button type="button" data-testid="delete-channel-button" className={dangerButton} onClick={() => setDeleting(true)}>
            Delete
          </button>
        </div>
      </header>
      {disabled && (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">This channel is disabled: Kaiwa still records its webhooks but runs no flow and sends nothing on it.</p>
      )}
      {!channel.credentialsReadable && (
        <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
          The stored credentials cannot be read (was KAIWA_SECRET_KEY changed?). Enter them again with Edit credentials.
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={channel.type === "webchat" ? "Add it to your website" : `Connect ${channelTypeLabels[channel.type]} to Kaiwa`}>
          <div className="space-y-4">
            {channel.type !== "webchat" && <CopyField label="Webhook URL" value={channel.webhookUrl} testId="webhook-url" multiline />}
            {channel.verifyToken && (
              <CopyField label={channel.type === "telegram" ? "Secret token" : channel.type === "wechat" ? "Token" : "Verify token"} value={channel.verifyToken} testId="verify-token" />
            )}
            {channel.publicKey && <CopyField label="Public key" value={channel.publicKey} testId="public-key" />}
            <SetupSteps channel={channel} />
          </div>
        </Card>
        <div className="space-y-6">
          <Card title="Activity">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{channel.type === "webchat" ? "Last event received" : "Last webhook received"}</dt>
                <dd data-testid="channel-last-webhook" className="text-slate-800" title={lastWebhook.title}>
                  {channel.lastWebhookAt ? lastWebhook.label : channel.type === "webchat" ? "Nothing received yet" : "No webhook received yet"}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Last error</dt>
                <dd data-testid="channel-last-error" className={channel.lastError ? "text-rose-700" : "text-slate-500"}>
                  {channel.lastError ? (
                    <>
                      {channel.lastError} <span className="text-rose-500" title={lastError.title}>({lastError.label})</span>
                    </>
                  ) : (
                    "None"
                  )}
                </dd>
              </div>
            </dl>
          </Card>
          <Card title={channel.type === "webchat" ? "Settings" : "Credentials"}>
            <dl data-testid="channel-credentials" className="space-y-2 text-sm">
              {channel.fields.map((field) => (
                <div key={field.name} className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-3">
                  <dt className="text-slate-500">{field.label}</dt>
                  <dd data-testid={`channel-credential-${field.name}`} className="truncate font-mono text-slate-800" title={field.secret ? undefined : String(channel.credentials[field.name] ?? "")}>
                    {String(channel.credentials[field.name] ?? "—")}
                  </dd>
                </div>
              ))}
              {channel.type !== "webchat" && (
                <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-3">
                  <dt className="text-slate-500">API base URL</dt>
                  <dd data-testid="channel-api-base-url" className="truncate font-mono text-slate-800">
                    {channel.apiBaseUrl ?? "platform default"}
                  </dd>
                </div>
              )}
            </dl>
          </Card>
          {channel.messagingWindowHours !== null && (
            <Card title="Outside the messaging window">
              <OutsideWindowSettings key={channel.id} channel={channel} />
            </Card>
          )}
        </div>
      </div>

      <div className="mt-6">
        <Card title={channel.type === "webchat" ? "Recent events" : "Recent webhooks"}>
          <ChannelEventsTable channelId={channel.id} />
        </Card>
      </div>

      <ModalDialog open={editing} onClose={() => setEditing(false)} size="xl" testId="edit-channel-dialog" title={`Edit “${channel.name}”`}>
        <ChannelForm
          key={editing ? "open" : "closed"}
          type={channel.type}
          fields={channel.fields}
          mode="edit"
          initial={{
            name: channel.name,
            credentials: Object.fromEntries(channel.fields.map((field) => [field.name, stringOf(channel.credentials[field.name])])),
            apiBaseUrl: channel.apiBaseUrl ?? "",
          }}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(values) => update.mutate({ id: channel.id, name: values.name, credentials: values.credentials, apiBaseUrl: values.apiBaseUrl || null })}
        />
      </ModalDialog>
      <DeleteChannelDialog
        open={deleting}
        name={channel.name}
        pending={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id: channel.id })}
      />
    </>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function stringOf(value: unknown): string {
  return value == null ? "" : typeof value === "string" ? value : JSON.stringify(value);
}
