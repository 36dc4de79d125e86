"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ContactFilterInput } from "@/server/contacts/contact-filter";

// Adds or removes one tag on every contact the current filter matches, not only the loaded page.
export function BulkTagBar({ filter, matching }: { filter: ContactFilterInput; matching: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const [tagId, setTagId] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);
  const bulk = useMutation(
    trpc.contacts.bulkTag.mutationOptions({
      onSuccess: async (result, variables) => {
        const name = tags.data?.find((tag) => tag.id === variables.tagId)?.name ?? "tag";
        setOutcome(`${variables.action === "add" ? "Added" : "Removed"} “${name}” ${variables.action === "add" ? "to" : "from"} ${result.changed.toLocaleString()} contact${result.changed === 1 ? "" : "s"}.`);
        await queryClient.invalidateQueries();
      },
      onError: (error) => setOutcome(error.message),
    }),
  );
  const run = (action: "add" | "remove") => {
    if (!tagId) return;
    const verb = action === "add" ? "Add the tag to" : "Remove the tag from";
    if (!window.confirm(`${verb} all ${matching.toLocaleString()} matching contacts?`)) return;
    bulk.mutate({ filter, tagId, action });
  };
  return (
    <div data-testid="bulk-tag-bar" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">All {matching.toLocaleString()} matching:</span>
      <select aria-label="Tag to add or remove" data-testid="bulk-tag-select" value={tagId} onChange={(event) => setTagId(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
        <option value="">Choose a tag…</option>
        {(tags.data ?? []).map((tag) => (
          <option key={tag.id} value={tag.id}>{tag.name}</option>
        ))}
      </select>
      <button type="button" data-testid="bulk-tag-add" disabled={!tagId || bulk.isPending || matching === 0} onClick={() => run("add")} className="rounded-md px-2 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-40">
        Add tag
      </button>
      <button type="button" data-testid="bulk-tag-remove" disabled={!tagId || bulk.isPending || matching === 0} onClick={() => run("remove")} className="rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-40">
        Remove tag
      </button>
      {outcome && <span role="status" data-testid="bulk-tag-outcome" className="text-slate-600">{outcome}</span>}
    </div>
  );
}
