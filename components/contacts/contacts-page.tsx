"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { secondaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ContactFilterInput } from "@/server/contacts/contact-filter";
import type { ContactSort } from "@/server/contacts/list-contacts";
import { BulkTagBar } from "./bulk-tag-bar";
import { ContactFilterBar } from "./contact-filter-bar";
import { ContactTable } from "./contact-table";
import { ContactsNav } from "./contacts-nav";
import { SaveSegmentForm } from "./save-segment-form";
import { useDebounced } from "./use-debounced";

const sorts: { value: string; label: string; sort: ContactSort }[] = [
  { value: "created-desc", label: "Newest first", sort: { by: "created", direction: "desc" } },
  { value: "created-asc", label: "Oldest first", sort: { by: "created", direction: "asc" } },
  { value: "name-asc", label: "Name A–Z", sort: { by: "name", direction: "asc" } },
  { value: "name-desc", label: "Name Z–A", sort: { by: "name", direction: "desc" } },
  { value: "last_activity-desc", label: "Recently active", sort: { by: "last_activity", direction: "desc" } },
  { value: "last_activity-asc", label: "Least recently active", sort: { by: "last_activity", direction: "asc" } },
];

// Search, filters and sorting all run on the server; pages follow a keyset cursor ("Load more").
export function ContactsPage({ initialSegmentId }: { initialSegmentId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [filterParts, setFilterParts] = useState<ContactFilterInput>(initialSegmentId ? { segmentId: initialSegmentId } : {});
  const [sortValue, setSortValue] = useState("created-desc");
  const debouncedSearch = useDebounced(search.trim());
  const filter: ContactFilterInput = { ...filterParts, ...(debouncedSearch ? { search: debouncedSearch } : {}) };
  const sort = sorts.find((entry) => entry.value === sortValue)!.sort;

  const list = useInfiniteQuery(
    trpc.contacts.list.infiniteQueryOptions(
      { filter, sort, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: (previous) => previous },
    ),
  );
  const count = useQuery({ ...trpc.contacts.count.queryOptions({ filter }), placeholderData: (previous) => previous });
  const contacts = list.data?.pages.flatMap((page) => page.contacts) ?? [];

  return (
    <section className="mx-auto max-w-6xl px-8 py-8">
      <header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Contacts</h1>
          <p className="mt-1 text-sm text-slate-600">Everyone who has talked to your bots, with the tags and fields your flows collected.</p>
        </div>
        <div className="flex items-center gap-2">
          <Link href="/contacts/import" data-testid="contacts-import-link" className={secondaryButton}>
            Import CSV
          </Link>
          {/* The same filter as the list: the download is exactly the contacts shown. */}
          <a href={`/api/exports/contacts?filter=${encodeURIComponent(JSON.stringify(filter))}`} data-testid="contacts-export-link" className={secondaryButton} download>
            Export CSV
          </a>
        </div>
      </header>
      <ContactsNav current="contacts" />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input
          type="search"
          data-testid="contacts-search"
          placeholder="Search name, phone, email or any field"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="w-96 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <select aria-label="Sort" data-testid="contacts-sort" value={sortValue} onChange={(event) => setSortValue(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          {sorts.map((entry) => (
            <option key={entry.value} value={entry.value}>{entry.label}</option>
          ))}
        </select>
        <span data-testid="contacts-count" className="text-sm text-slate-600">
          {count.data === undefined ? "…" : `${count.data.toLocaleString()} contact${count.data === 1 ? "" : "s"}`}
        </span>
      </div>
      <ContactFilterBar filter={filterParts} onChange={setFilterParts} />
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <BulkTagBar filter={filter} matching={count.data ?? 0} />
        <SaveSegmentForm filter={filter} />
      </div>
      <ContactTable contacts={contacts} loading={list.isPending} error={list.error?.message ?? null} />
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <button type="button" data-testid="contacts-load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} className="rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50">
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </section>
  );
}
