"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { primaryButton, secondaryButton } from "./buttons";
import { TemplateCard } from "./template-card";

export const BLANK = "blank";

// "New flow": a name and a starting point, blank or one of the starter templates. Creating opens the
// new flow on the canvas.
export function NewFlowDialogBody({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const templates = useQuery(trpc.flows.templates.queryOptions(undefined, { staleTime: Infinity }));
  const [name, setName] = useState("");
  const [choice, setChoice] = useState<string>(BLANK);
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: (flow) => router.push(`/flows/${flow.id}`),
    }),
  );
  const chosenTemplate = templates.data?.find((template) => template.id === choice);
  const pending = create.isPending || create.isSuccess;

  return (
    <form
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        create.mutate({ name: name.trim() || undefined, templateId: choice === BLANK ? undefined : choice });
      }}
    >
      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-6 py-5">
        <label className="block">
          <span className="text-sm font-medium text-slate-800">Name</span>
          <input
            data-testid="new-flow-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={120}
            placeholder={chosenTemplate?.name ?? "Untitled flow"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
          />
        </label>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Start from</legend>
          <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <TemplateCard
              id={BLANK}
              name="Blank"
              description="A trigger on an empty canvas. Build it your way."
              document={null}
              selected={choice === BLANK}
              onSelect={() => setChoice(BLANK)}
            />
            {templates.data?.map((template) => (
              <TemplateCard
                key={template.id}
                id={template.id}
                name={template.name}
                description={template.description}
                document={template.document}
                selected={choice === template.id}
                onSelect={() => setChoice(template.id)}
              />
            ))}
            {templates.isPending && <p className="self-center text-sm text-slate-500">Loading templates…</p>}
            {templates.isError && (
              <p role="alert" className="self-center text-sm text-rose-700">
                Could not load the templates: {templates.error.message}
              </p>
            )}
          </div>
        </fieldset>
        {create.isError && (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
            Could not create the flow: {create.error.message}
          </p>
        )}
      </div>
      <footer className="flex items-center justify-end gap-2 border-t border-slate-100 bg-slate-50 px-6 py-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" data-testid="create-flow-button" className={primaryButton} disabled={pending}>
          {pending ? "Creating…" : chosenTemplate ? `Create from “${chosenTemplate.name}”` : "Create blank flow"}
        </button>
      </footer>
    </form>
  );
}
