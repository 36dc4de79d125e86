"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ContactsNav } from "./contacts-nav";

// Saved filters, each with how many contacts match right now. New ones are saved from the Contacts page.
export function SegmentsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.segments.list.queryFilter());
  const update = useMutation(trpc.segments.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.segments.delete.mutationOptions({ onSuccess: refresh }));
  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">Segments</h1>
      <ContactsNav current="segments" />
      {segments.data?.length === 0 && (
        <p data-testid="segments-empty" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No segments yet. Filter the <Link href="/contacts" className="text-indigo-700 hover:underline">contacts</Link> and save the filter as a segment.
        </p>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {(segments.data ?? []).map((segment) => (
          <li key={segment.id} data-testid="segment-row" className="flex items-center gap-4 px-4 py-3 text-sm">
            <input aria-label={`Name of ${segment.name}`} defaultValue={segment.name} className="rounded-md border border-transparent px-2 py-1 font-medium hover:border-slate-300"
              onBlur={(event) => event.target.value.trim() && event.target.value !== segment.name && update.mutate({ id: segment.id, name: event.target.value.trim() })} />
            <span data-testid="segment-count" className="tabular-nums text-slate-600">{segment.count.toLocaleString()} {segment.count === 1 ? "contact" : "contacts"}</span>
            <span className="flex-1 truncate text-xs text-slate-500">{describeFilter(segment.filter)}</span>
            <Link href={`/contacts?segment=${segment.id}`} className="text-indigo-700 hover:underline">Open</Link>
            <button type="button" className="rounded-md px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50" onClick={() => window.confirm(`Delete the segment “${segment.name}”? Contacts are not affected.`) && remove.mutate({ id: segment.id })}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function describeFilter(filter: { search?: string; tagIds?: string[]; fields?: { key: string; operator: string; value: string }[]; channelTypes?: string[]; entryPointIds?: string[] }): string {
  const parts = [
    filter.search ? `search “${filter.search}”` : "",
    filter.tagIds?.length ? `${filter.tagIds.length} tag(s)` : "",
    ...(filter.fields ?? []).map((field) => `${field.key} ${field.operator.replace("_", " ")} ${field.operator === "is_set" ? "" : field.value}`.trim()),
    filter.channelTypes?.length ? `on ${filter.channelTypes.join("/")}` : "",
    filter.entryPointIds?.length ? `${filter.entryPointIds.length} entry point(s)` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "all contacts";
}
