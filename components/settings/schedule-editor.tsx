"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dangerButton, primaryButton, secondaryButton } from "@/components/flows/buttons";
import { ModalDialog } from "@/components/flows/modal-dialog";
import { useNow } from "@/components/flows/use-now";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { HolidayList } from "./holiday-list";
import { SchedulePreview } from "./schedule-preview";
import { cardClass, errorClass, inputClass } from "./settings-styles";
import { TimeZonePicker } from "./time-zone-picker";
import type { ScheduleView } from "./use-settings";
import { WeekGrid } from "./week-grid";

// One calendar, edited as a draft and saved as a whole. Mounted with key={schedule.id}, so picking
// another calendar starts a fresh draft.
export function ScheduleEditor({ schedule, isDefault, onDeleted }: { schedule: ScheduleView; isDefault: boolean; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const [draft, setDraft] = useState(schedule);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() });
  const save = useMutation(
    trpc.settings.schedules.update.mutationOptions({
      onSuccess: async (saved) => {
        setDraft(saved);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.settings.schedules.delete.mutationOptions({
      onSuccess: async () => {
        setConfirmDelete(false);
        onDeleted();
        await refresh();
      },
    }),
  );
  const dirty = JSON.stringify(draft) !== JSON.stringify(schedule);
  const engineView = { ...draft, holidays: draft.holidays.map((holiday) => holiday.date) };

  return (
    <div className={`${cardClass} space-y-6 p-6`} data-testid="schedule-editor" data-schedule-id={schedule.id}>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="schedule-name" className="block text-sm font-medium text-slate-800">
            Calendar name
          </label>
          <input
            id="schedule-name"
            data-testid="schedule-name"
            className={`${inputClass} mt-1`}
            value={draft.name}
            maxLength={80}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
          <p className="mt-1 text-xs text-slate-500">
            {isDefault ? "The default: business hours steps without a chosen calendar use it." : `Chosen by id in a business hours step (id ${schedule.id.slice(0, 8)}…).`}
          </p>
        </div>
        <TimeZonePicker value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} testId="schedule-time-zone" />
      </div>

      <SchedulePreview schedule={engineView} now={now.getTime()} unsaved={dirty} />
      <WeekGrid weekly={draft.weekly} onChange={(weekly) => setDraft({ ...draft, weekly })} />
      <HolidayList holidays={draft.holidays} thisYear={now.getFullYear()} onChange={(holidays) => setDraft({ ...draft, holidays })} />

      {save.error && (
        <p role="alert" data-testid="schedule-error" className={errorClass}>
          {save.error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <button
          type="button"
          data-testid="save-schedule"
          className={primaryButton}
          disabled={!dirty || save.isPending}
          onClick={() => save.mutate({ id: draft.id, name: draft.name, timeZone: draft.timeZone, weekly: draft.weekly, holidays: draft.holidays })}
        >
          {save.isPending ? "Saving…" : "Save calendar"}
        </button>
        <button type="button" className={secondaryButton} disabled={!dirty} onClick={() => { setDraft(schedule); save.reset(); }}>
          Discard changes
        </button>
        <span data-testid="schedule-save-status" className="text-sm text-slate-500">
          {dirty ? "Unsaved changes" : save.isSuccess ? "Saved." : ""}
        </span>
        <button type="button" data-testid="delete-schedule" className={`${secondaryButton} ml-auto`} onClick={() => setConfirmDelete(true)}>
          Delete calendar
        </button>
      </div>

      <ModalDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete “${schedule.name}”?`}
        description="Business hours steps that chose this calendar will not find it and will treat the business as open."
        testId="delete-schedule-dialog"
        footer={
          <>
            <button type="button" className={secondaryButton} onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button type="button" data-testid="confirm-delete-schedule" className={dangerButton} disabled={remove.isPending} onClick={() => remove.mutate({ id: schedule.id })}>
              Delete
            </button>
          </>
        }
      />
    </div>
  );
}
