"use client";

import { describeScheduleAt, type BusinessHoursSchedule } from "@/flows-runtime";

// "What does this mean right now?", from the same library the business_hours node runs, on the
// calendar as edited (saved or not).
export function SchedulePreview({ schedule, now, unsaved }: { schedule: BusinessHoursSchedule; now: number; unsaved: boolean }) {
  const described = describeScheduleAt(schedule, now);
  const next = described.nextChange;
  return (
    <div
      data-testid="schedule-preview"
      data-open={described.open}
      className={`rounded-md px-4 py-3 ring-1 ${described.open ? "bg-emerald-50 ring-emerald-200" : "bg-amber-50 ring-amber-200"}`}
    >
      <p className="text-sm font-semibold text-slate-900">
        <span data-testid="preview-state">{described.open ? "Open now" : "Closed now"}</span>
        {described.holiday && <span className="ml-2 text-xs font-medium text-amber-800">(holiday)</span>}
        {unsaved && <span className="ml-2 text-xs font-normal text-slate-500">· with your unsaved changes</span>}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="preview-local-time">
        It is {described.weekday} {described.localTime} in {described.timeZone}
        {described.timeZone !== schedule.timeZone && ` ("${schedule.timeZone}" is not a time zone, so UTC is used)`}.
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="preview-next-change">
        {next
          ? `${next.open ? "Opens" : "Closes"} ${next.weekday} ${next.localTime} (${inWords(next.at - now)}).`
          : described.open
            ? "Open around the clock."
            : "No opening hours: a business_hours step always goes to closed."}
      </p>
    </div>
  );
}

function inWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} h`;
  return `in ${Math.round(hours / 24)} days`;
}
