"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { primaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { cardClass, errorClass, inputClass } from "./settings-styles";
import { TimeZonePicker } from "./time-zone-picker";
import type { WorkspaceSettingsView } from "./use-settings";

// Workspace name and its default time zone (new calendars start in it).
export function WorkspaceSection({ settings }: { settings: WorkspaceSettingsView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
        setName(saved.name);
        setTimeZone(saved.timeZone);
      },
    }),
  );
  const dirty = name !== settings.name || timeZone !== settings.timeZone;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name, timeZone });
  };

  return (
    <section aria-labelledby="workspace-heading" className={cardClass} data-testid="workspace-section">
      <form onSubmit={submit} className="space-y-4 p-6" noValidate>
        <div>
          <h2 id="workspace-heading" className="text-lg font-semibold text-slate-900">
            Workspace
          </h2>
          <p className="text-sm text-slate-600">Its time zone is where new calendars start and how dates in reports are read.</p>
        </div>
        {update.error && (
          <p role="alert" data-testid="workspace-error" className={errorClass}>
            {update.error.message}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="workspace-name" className="block text-sm font-medium text-slate-800">
              Name
            </label>
            <input
              id="workspace-name"
              data-testid="workspace-name"
              className={`${inputClass} mt-1`}
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <TimeZonePicker value={timeZone} onChange={setTimeZone} testId="workspace-time-zone" />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" data-testid="save-workspace" className={primaryButton} disabled={!dirty || update.isPending}>
            {update.isPending ? "Saving…" : "Save workspace"}
          </button>
          {update.isSuccess && !dirty && <span className="text-sm text-emerald-700">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
