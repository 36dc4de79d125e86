"use client";

import { FieldFrame, inputClass, smallButtonClass, testId } from "../schema-form/field-frame";
import { isRecord } from "../schema-form/initial-value";
import { getAt, type Path } from "../schema-form/path-value";
import { useSchemaForm, type CustomFieldProps } from "../schema-form/schema-form-context";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
type Interval = { day: number; open: string; close: string };

// The weekly schedule as a table: one row per weekday, each with its opening intervals.
export function BusinessHoursWeeklyField({ path, label }: CustomFieldProps) {
  const { value, onChange, issuesAt, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const intervals: Interval[] = (Array.isArray(current) ? current : []).filter(isRecord).map((item) => ({
    day: Number(item.day),
    open: String(item.open ?? ""),
    close: String(item.close ?? ""),
  }));
  const write = (next: Interval[]) => onChange(path, next);
  const update = (index: number, patch: Partial<Interval>) => write(intervals.map((interval, i) => (i === index ? { ...interval, ...patch } : interval)));

  return (
    <FieldFrame path={path} label={label}>
      <table className="w-full text-sm" data-testid={testId(path)}>
        <tbody>
          {DAYS.map((name, day) => {
            const rows = intervals.map((interval, index) => ({ interval, index })).filter(({ interval }) => interval.day === day);
            return (
              <tr key={name} className="border-t border-slate-100 align-top">
                <td className="w-20 py-1 pr-2 text-xs font-medium text-slate-600">{name.slice(0, 3)}</td>
                <td className="space-y-1 py-1">
                  {rows.length === 0 ? <span className="text-xs text-slate-400">Closed</span> : null}
                  {rows.map(({ interval, index }) => (
                    <div key={index} className="flex items-center gap-1">
                      <TimeInput path={[...path, index, "open"]} value={interval.open} disabled={readOnly} onChange={(open) => update(index, { open })} />
                      <span className="text-xs text-slate-500">–</span>
                      <TimeInput path={[...path, index, "close"]} value={interval.close} disabled={readOnly} onChange={(close) => update(index, { close })} />
                      {!readOnly ? (
                        <button type="button" className={smallButtonClass} aria-label={`Remove ${name} hours`} onClick={() => write(intervals.filter((_, i) => i !== index))}>
                          ✕
                        </button>
                      ) : null}
                      {[...issuesAt([...path, index, "open"]), ...issuesAt([...path, index, "close"])].slice(0, 1).map((issue) => (
                        <span key={issue} className="text-xs text-rose-700">
                          {issue}
                        </span>
                      ))}
                    </div>
                  ))}
                </td>
                <td className="w-8 py-1 text-right">
                  {!readOnly ? (
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={`Add ${name} hours`}
                      data-testid={`inspector-add-hours-${day}`}
                      onClick={() => write([...intervals, { day, open: "09:00", close: "17:00" }])}
                    >
                      +
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly ? (
        <button
          type="button"
          className={`${smallButtonClass} mt-1`}
          onClick={() => write([1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" })))}
        >
          Set Mon–Fri 09:00–17:00
        </button>
      ) : null}
    </FieldFrame>
  );
}

function TimeInput({ path, value, disabled, onChange }: { path: Path; value: string; disabled: boolean; onChange: (value: string) => void }) {
  return <input type="time" className={`${inputClass} w-28`} data-testid={testId(path)} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)} />;
}
