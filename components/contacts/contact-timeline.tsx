"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/trpc-provider";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const bubble = { contact: "bg-white ring-1 ring-slate-200", bot: "bg-indigo-50 ring-1 ring-indigo-100", human: "bg-emerald-50 ring-1 ring-emerald-100" } as const;

// Newest first: what the contact wrote, what the bot sent (from which flow and node, and how far it got),
// and what people in the team sent.
export function ContactTimeline({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(
    trpc.contacts.timeline.infiniteQueryOptions(
      { contactId, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const messages = timeline.data?.pages.flatMap((page) => page.messages) ?? [];
  if (timeline.isPending) return <p className="text-sm text-slate-500">Loading conversation…</p>;
  if (messages.length === 0) return <p data-testid="timeline-empty" className="text-sm text-slate-500">No messages yet.</p>;
  return (
    <div>
      <ol className="space-y-2">
        {messages.map((message) => (
          <li key={message.id} data-testid="timeline-message" data-author={message.author} className={`rounded-lg p-2.5 text-sm ${bubble[message.author]}`}>
            <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <span className="font-semibold text-slate-700">{message.author === "contact" ? "Contact" : message.author === "bot" ? "Bot" : (message.sentBy ?? "Agent")}</span>
              <span>{dateTime.format(new Date(message.createdAt))}</span>
              <span>· {message.channelType}</span>
              {message.author !== "contact" && <span data-testid="timeline-status">· {message.status}</span>}
              {message.author === "bot" && message.flowId && (
                <Link href={`/flows/${message.flowId}`} data-testid="timeline-source" className="text-indigo-700 hover:underline">
                  {message.flowName ?? "deleted flow"} › {message.nodeId}
                </Link>
              )}
            </div>
            <p className="whitespace-pre-wrap text-slate-900">{message.text || <em className="text-slate-400">(no text)</em>}</p>
            {message.error && <p className="mt-1 text-xs text-rose-700">{message.error}</p>}
          </li>
        ))}
      </ol>
      {timeline.hasNextPage && (
        <button type="button" onClick={() => void timeline.fetchNextPage()} className="mt-3 text-sm font-medium text-indigo-700 hover:underline">
          Older messages
        </button>
      )}
    </div>
  );
}
