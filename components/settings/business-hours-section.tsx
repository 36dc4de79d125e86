"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { primaryButton, rowActionButton } from "@/components/flows/buttons";
import { useNow } from "@/components/flows/use-now";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { describeScheduleAt } from "@/flows-runtime";
import { ScheduleEditor } from "./schedule-editor";
import { cardClass, errorClass, inputClass } from "./settings-styles";
import type { ScheduleView, WorkspaceSettingsView } from "./use-settings";

// The workspace's business-hours calendars (e.g. "Support desk" and "Sales"), in order: the first is the
// default of business_hours steps that do not choose one.
export function BusinessHoursSection({ settings }: { settings: WorkspaceSettingsView }) {
  const schedules = settings.schedules;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = schedules.find((schedule) => schedule.id === selectedId) ?? schedules[0];

  return (
    <section aria-labelledby="business-hours-heading" data-testid="business-hours-section" className="space-y-4">
      <div>
        <h2 id="business-hours-heading" className="text-lg font-semibold text-slate-900">
          Business hours
        </h2>
        <p className="text-sm text-slate-600">
          Calendars that business hours steps branch on: weekly hours and holidays in a time zone. The first one is the default.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="space-y-3">
          <CalendarList schedules={schedules} selectedId={selected?.id} onSelect={setSelectedId} />
          <NewCalendarForm onCreated={setSelectedId} />
        </div>
        {selected ? (
          <ScheduleEditor key={selected.id} schedule={selected} isDefault={selected.id === schedules[0]?.id} onDeleted={() => setSelectedId(null)} />
        ) : (
          <p data-testid="no-calendars" className={`${cardClass} p-6 text-sm text-slate-600`}>
            No calendars yet. Business hours steps treat the business as open until you add one.
          </p>
        )}
      </div>
    </section>
  );
}

function CalendarList({ schedules, selectedId, onSelect }: { schedules: ScheduleView[]; selectedId?: string; onSelect: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000).getTime();
  const reorder = useMutation(
    trpc.settings.schedules.reorder.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() }) }),
  );
  const move = (index: number, by: -1 | 1) => {
    const ids = schedules.map((schedule) => schedule.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate({ ids });
  };
  if (schedules.length === 0) return null;
  return (
    <>
      <ul className={`${cardClass} divide-y divide-slate-100`} data-testid="calendar-list">
        {schedules.map((schedule, index) => {
          const open = describeScheduleAt({ ...schedule, holidays: schedule.holidays.map((holiday) => holiday.date) }, now).open;
          const active = schedule.id === selectedId;
          return (
            <li key={schedule.id} className={`flex items-center gap-1 px-2 py-2 ${active ? "bg-indigo-50" : ""}`}>
              <button
                type="button"
                data-testid="calendar-item"
                data-schedule-id={schedule.id}
                aria-current={active ? "true" : undefined}
                className="min-w-0 flex-1 rounded px-1 text-left"
                onClick={() => onSelect(schedule.id)}
              >
                <span className="block truncate text-sm font-medium text-slate-900">{schedule.name}</span>
                <span className="block truncate text-xs text-slate-500">
                  <span className={open ? "text-emerald-700" : "text-amber-700"}>{open ? "Open" : "Closed"}</span> · {schedule.timeZone}
                  {index === 0 && " · default"}
                </span>
              </button>
              <button type="button" aria-label={`Move ${schedule.name} up`} className={rowActionButton} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${schedule.name} down`}
                className={rowActionButton}
                disabled={index === schedules.length - 1 || reorder.isPending}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ul>
      {reorder.error && (
        <p role="alert" className={errorClass}>
          {reorder.error.message}
        </p>
      )}
    </>
  );
}

function NewCalendarForm({ onCreated }: { onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.settings.schedules.create.mutationOptions({
      onSuccess: async (created) => {
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() });
        onCreated(created.id);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate({ name });
  };
  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label htmlFor="new-calendar-name" className="block text-sm font-medium text-slate-800">
        New calendar
      </label>
      <div className="flex gap-2">
        <input
          id="new-calendar-name"
          data-testid="new-calendar-name"
          className={inputClass}
          value={name}
          maxLength={80}
          placeholder="e.g. Support desk"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" data-testid="create-calendar" className={primaryButton} disabled={!name.trim() || create.isPending}>
          Add
        </button>
      </div>
      {create.error && (
        <p role="alert" className={errorClass}>
          {create.error.message}
        </p>
      )}
    </form>
  );
}
