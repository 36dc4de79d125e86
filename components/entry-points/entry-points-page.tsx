"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { primaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { CreateEntryPointForm } from "./create-entry-point-form";
import { EntryPointCard } from "./entry-point-card";

// Entry points grouped by channel, with a form to make a new one.
export function EntryPointsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.entryPoints.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const remove = useMutation(trpc.entryPoints.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.entryPoints.list.queryKey() }) }));
  const groups = new Map<string, NonNullable<typeof list.data>>();
  for (const entryPoint of list.data ?? []) groups.set(entryPoint.channelName, [...(groups.get(entryPoint.channelName) ?? []), entryPoint]);

  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Entry points</h1>
          <p className="mt-1 text-sm text-slate-600">Links and QR codes that open a conversation and tell Kaiwa where each contact came from.</p>
        </div>
        <button type="button" data-testid="new-entry-point-button" className={primaryButton} onClick={() => setCreating((value) => !value)}>
          <span aria-hidden>+</span> New entry point
        </button>
      </header>
      {creating && (
        <div className="mb-8">
          <CreateEntryPointForm onCreated={() => setCreating(false)} />
        </div>
      )}
      {list.data && list.data.length === 0 && !creating && (
        <p data-testid="entry-points-empty" className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          No entry points yet. Create one to get a link and a QR code for a poster, an ad or your website.
        </p>
      )}
      {[...groups.entries()].map(([channelName, entryPoints]) => (
        <div key={channelName} className="mb-8">
          <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{channelName}</h2>
          <ul className="space-y-3">
            {entryPoints.map((entryPoint) => (
              <EntryPointCard key={entryPoint.id} entryPoint={entryPoint} onDelete={() => remove.mutate({ id: entryPoint.id })} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
