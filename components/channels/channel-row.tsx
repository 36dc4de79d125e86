"use client";

import Link from "next/link";
import { channelTypeLabels } from "./channel-catalogue";
import { ChannelIcon } from "./channel-icon";
import { ChannelStatusBadge } from "./channel-status-badge";
import { formatAgo } from "./format-ago";
import type { ChannelListItem } from "./use-channels";

const DAY_MS = 24 * 60 * 60 * 1000;

export function ChannelRow({ channel, now }: { channel: ChannelListItem; now: Date }) {
  const lastWebhook = formatAgo(channel.lastWebhookAt, now);
  const lastError = formatAgo(channel.lastErrorAt, now);
  const recentError = Boolean(channel.lastError && channel.lastErrorAt && now.getTime() - new Date(channel.lastErrorAt).getTime() < DAY_MS);
  const { counts } = channel;
  return (
    <li data-testid="channel-row" data-channel-id={channel.id} data-channel-type={channel.type}>
      <Link href={`/channels/${channel.id}`} className="flex items-start gap-4 px-4 py-4 hover:bg-slate-50">
        <ChannelIcon type={channel.type} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span data-testid="channel-name" className="font-medium text-slate-900">
              {channel.name}
            </span>
            <span className="text-xs text-slate-500">{channelTypeLabels[channel.type]}</span>
            <ChannelStatusBadge status={channel.status} failing={recentError} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {channel.lastWebhookAt ? (
              <>
                Last webhook{" "}
                <time data-testid="channel-last-webhook" title={lastWebhook.title}>
                  {lastWebhook.label}
                </time>
              </>
            ) : (
              <span data-testid="channel-last-webhook">No webhook received yet</span>
            )}
            <span className="text-slate-400"> · </span>
            {counts.eventsLastDay} event{counts.eventsLastDay === 1 ? "" : "s"} in 24 h
            {counts.unprocessed > 0 && <span className="text-amber-700"> · {counts.unprocessed} waiting</span>}
            {counts.errorsLastDay > 0 && <span className="text-rose-700"> · {counts.errorsLastDay} with errors</span>}
            {counts.failedOutboundLastDay > 0 && (
              <span className="text-rose-700">
                {" "}
                · {counts.failedOutboundLastDay} failed send{counts.failedOutboundLastDay === 1 ? "" : "s"}
              </span>
            )}
          </p>
          {channel.lastError && (
            <p data-testid="channel-last-error" className="mt-1 truncate text-sm text-rose-700" title={channel.lastError}>
              {channel.lastError} <span className="text-rose-500">({lastError.label})</span>
            </p>
          )}
        </div>
        <span aria-hidden className="self-center text-slate-400">
          ›
        </span>
      </Link>
    </li>
  );
}
