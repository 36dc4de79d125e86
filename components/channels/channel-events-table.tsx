"use client";

import { useQuery } from "@tanstack/react-query";
import { useNow } from "@/components/flows/use-now";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { formatAgo } from "./format-ago";

// The latest webhooks the channel received: proof the platform is wired up, and where errors show.
export function ChannelEventsTable({ channelId }: { channelId: string }) {
  const trpc = useTRPC();
  const events = useQuery({ ...trpc.channels.events.queryOptions({ id: channelId, limit: 25 }), refetchInterval: 10_000 });
  const now = useNow(30_000);
  if (events.isPending) return <p className="text-sm text-slate-500">Loading events…</p>;
  if (events.isError) return <p role="alert" className="text-sm text-rose-700">Could not load events: {events.error.message}</p>;
  if (events.data.length === 0) {
    return (
      <p data-testid="channel-events" data-empty className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
        No webhook received yet. Once the platform is set up, send a message to your account: it shows up here.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table data-testid="channel-events" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-3 py-2 font-medium">Received</th>
            <th className="px-3 py-2 font-medium">Kind</th>
            <th className="px-3 py-2 font-medium">Event</th>
            <th className="px-3 py-2 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {events.data.map((event) => {
            const received = formatAgo(event.receivedAt, now);
            return (
              <tr key={event.id} data-testid="channel-event" className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap text-slate-600" title={received.title}>
                  {received.label}
                </td>
                <td className="px-3 py-2">
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{event.kind}</span>
                </td>
                <td className="max-w-xs px-3 py-2">
                  <div className="truncate text-slate-800">{event.summary ?? "—"}</div>
                  <div className="truncate font-mono text-xs text-slate-400" title={event.dedupeKey}>
                    {event.dedupeKey}
                  </div>
                </td>
                <td className="px-3 py-2">
                  {event.error ? (
                    <span className="text-rose-700">{event.error}</span>
                  ) : event.processedAt ? (
                    <span className="text-emerald-700">Processed</span>
                  ) : (
                    <span className="text-amber-700">Waiting</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
