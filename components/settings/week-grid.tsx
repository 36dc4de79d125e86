"use client";

import { rowActionButton, secondaryButton } from "@/components/flows/buttons";
import { smallInputClass } from "./settings-styles";
import type { WeeklyInterval } from "./use-settings";

// Monday first, as office weeks are read; `day` stays 0 = Sunday as in the engine.
const DAYS = [
  { day: 1, name: "Monday" },
  { day: 2, name: "Tuesday" },
  { day: 3, name: "Wednesday" },
  { day: 4, name: "Thursday" },
  { day: 5, name: "Friday" },
  { day: 6, name: "Saturday" },
  { day: 0, name: "Sunday" },
] as const;

// The weekly hours: any number of intervals per day. A closing time before the opening time runs past
// midnight (22:00–02:00), and 00:00–24:00 is all day.
export function WeekGrid({ weekly, onChange }: { weekly: WeeklyInterval[]; onChange: (weekly: WeeklyInterval[]) => void }) {
  // Intervals keep their position in `weekly`, so edits address them by index.
  const indexed = weekly.map((interval, index) => ({ interval, index }));
  const setInterval = (index: number, patch: Partial<WeeklyInterval>) =>
    onChange(weekly.map((interval, i) => (i === index ? { ...interval, ...patch } : interval)));
  const add = (day: number) => {
    const last = indexed.filter(({ interval }) => interval.day === day).at(-1)?.interval;
    // After an existing interval, suggest the afternoon; otherwise a plain office day.
    const next = last ? { open: last.close === "24:00" ? "00:00" : last.close, close: "18:00" } : { open: "09:00", close: "17:00" };
    onChange([...weekly, { day, ...next }]);
  };
  const copyMonday = () => {
    const monday = weekly.filter((interval) => interval.day === 1);
    const others = weekly.filter((interval) => interval.day < 2 || interval.day > 5);
    onChange([...others, ...[2, 3, 4, 5].flatMap((day) => monday.map((interval) => ({ ...interval, day })))]);
  };

  return (
    <div data-testid="week-grid">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-sm font-semibold text-slate-900">Weekly hours</h3>
        <button type="button" data-testid="copy-monday" className={secondaryButton} onClick={copyMonday}>
          Copy Monday to weekdays
        </button>
      </div>
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {DAYS.map(({ day, name }) => {
          const intervals = indexed.filter(({ interval }) => interval.day === day);
          return (
            <li key={day} data-testid={`day-${day}`} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
              <span className="w-24 text-sm font-medium text-slate-800">{name}</span>
              <div className="flex flex-1 flex-wrap items-center gap-2">
                {intervals.length === 0 && <span className="text-sm text-slate-400">Closed</span>}
                {intervals.map(({ interval, index }) => (
                  <span key={index} data-testid="interval" className="inline-flex items-center gap-1 rounded-md bg-slate-50 px-1.5 py-1 ring-1 ring-slate-200">
                    <TimeInput label={`${name} opens`} testId="interval-open" value={interval.open} onChange={(open) => setInterval(index, { open })} />
                    <span className="text-slate-400">–</span>
                    <TimeInput label={`${name} closes`} testId="interval-close" value={interval.close} onChange={(close) => setInterval(index, { close })} />
                    {isOvernight(interval) && <span className="text-xs text-indigo-700">next day</span>}
                    <button
                      type="button"
                      data-testid="remove-interval"
                      aria-label={`Remove ${name} ${interval.open}–${interval.close}`}
                      className={rowActionButton}
                      onClick={() => onChange(weekly.filter((_, i) => i !== index))}
                    >
                      ✕
                    </button>
                  </span>
                ))}
              </div>
              <button type="button" data-testid="add-interval" className={rowActionButton} onClick={() => add(day)}>
                + Add hours
              </button>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-500">Times are HH:MM in the calendar&apos;s time zone. 22:00–02:00 runs past midnight; 00:00–24:00 is all day.</p>
    </div>
  );
}

function TimeInput({ label, testId, value, onChange }: { label: string; testId: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      aria-label={label}
      data-testid={testId}
      className={smallInputClass}
      value={value}
      inputMode="numeric"
      maxLength={5}
      placeholder="HH:MM"
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function isOvernight(interval: WeeklyInterval): boolean {
  return /^\d{2}:\d{2}$/.test(interval.open) && /^\d{2}:\d{2}$/.test(interval.close) && interval.close < interval.open;
}
