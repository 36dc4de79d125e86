"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { rowActionButton, secondaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { errorClass, inputClass } from "./settings-styles";
import type { HolidayView } from "./use-settings";

// Whole days off, in the calendar's time zone, each with an optional name.
export function HolidayList({ holidays, onChange, thisYear }: { holidays: HolidayView[]; onChange: (holidays: HolidayView[]) => void; thisYear: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [date, setDate] = useState("");
  const [label, setLabel] = useState("");
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  const merge = (added: HolidayView[]) => {
    const known = new Set(holidays.map((holiday) => holiday.date));
    const fresh = added.filter((holiday) => !known.has(holiday.date));
    onChange([...holidays, ...fresh].sort((a, b) => a.date.localeCompare(b.date)));
    return fresh.length;
  };
  const addOne = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    merge([{ date, label: label.trim() }]);
    setDate("");
    setLabel("");
  };
  const addJapanese = async () => {
    try {
      const list = await queryClient.fetchQuery(trpc.settings.japaneseHolidays.queryOptions({ year }));
      const count = merge(list);
      setNotice({ text: count === 0 ? `All ${list.length} holidays of ${year} are already listed.` : `Added ${count} holidays of ${year}. Save to keep them.`, error: false });
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    }
  };

  return (
    <div data-testid="holiday-list">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">Holidays</h3>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs font-medium text-slate-700">
          Date
          <input type="date" data-testid="holiday-date" className={`${inputClass} mt-1`} value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <label className="min-w-48 flex-1 text-xs font-medium text-slate-700">
          Name (optional)
          <input
            data-testid="holiday-label"
            className={`${inputClass} mt-1`}
            value={label}
            maxLength={80}
            placeholder="e.g. Company anniversary"
            onChange={(event) => setLabel(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addOne();
              }
            }}
          />
        </label>
        <button type="button" data-testid="add-holiday" className={secondaryButton} disabled={!date} onClick={addOne}>
          Add holiday
        </button>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <select
          aria-label="Year"
          data-testid="japanese-holidays-year"
          className="rounded-md border-0 py-2 pr-8 pl-3 text-sm ring-1 ring-slate-300 ring-inset"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <button type="button" data-testid="add-japanese-holidays" className={secondaryButton} onClick={addJapanese}>
          Add Japanese public holidays for {year}
        </button>
      </div>
      {notice && (
        <p role={notice.error ? "alert" : "status"} className={notice.error ? `${errorClass} mt-2` : "mt-2 text-sm text-emerald-700"}>
          {notice.text}
        </p>
      )}
      {holidays.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No holidays: the weekly hours apply every week.</p>
      ) : (
        <ul className="mt-3 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
          {holidays.map((holiday, index) => (
            <li key={holiday.date} data-testid="holiday" data-date={holiday.date} className="flex items-center gap-3 px-3 py-1.5 text-sm">
              <span className="w-28 font-mono text-slate-800">{holiday.date}</span>
              <span className="w-10 text-xs text-slate-500">{weekdayOf(holiday.date)}</span>
              <input
                aria-label={`Name of ${holiday.date}`}
                className="flex-1 rounded border-0 px-2 py-1 text-sm text-slate-700 ring-1 ring-transparent hover:ring-slate-200 focus:ring-indigo-600"
                value={holiday.label}
                maxLength={80}
                placeholder="(no name)"
                onChange={(event) => onChange(holidays.map((h, i) => (i === index ? { ...h, label: event.target.value } : h)))}
              />
              <button
                type="button"
                data-testid="remove-holiday"
                aria-label={`Remove ${holiday.date}`}
                className={rowActionButton}
                onClick={() => onChange(holidays.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function weekdayOf(date: string): string {
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "";
}
