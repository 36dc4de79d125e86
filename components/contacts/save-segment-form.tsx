"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ContactFilterInput } from "@/server/contacts/contact-filter";

// Saves what the page is filtering by as a segment (its count then stays live).
export function SaveSegmentForm({ filter }: { filter: ContactFilterInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: async (segment) => {
        setMessage(`Saved “${segment.name}” (${segment.count.toLocaleString()} contacts).`);
        setName("");
        await queryClient.invalidateQueries(trpc.segments.list.queryFilter());
      },
      onError: (error) => setMessage(error.message),
    }),
  );
  // A segment cannot be built on another segment: the page's segment choice is left out.
  const { segmentId: _segment, ...segmentFilter } = filter;
  return (
    <form
      className="flex items-center gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) save.mutate({ name: name.trim(), filter: segmentFilter });
      }}
    >
      <input aria-label="Segment name" data-testid="segment-name-input" placeholder="Save filter as segment…" value={name} onChange={(event) => setName(event.target.value)} className="w-56 rounded-md border border-slate-300 px-2 py-1.5" />
      <button type="submit" data-testid="save-segment-button" disabled={!name.trim() || save.isPending} className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
        Save segment
      </button>
      {message && <span role="status" data-testid="save-segment-message" className="text-slate-600">{message}</span>}
    </form>
  );
}
