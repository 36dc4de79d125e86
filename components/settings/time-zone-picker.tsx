"use client";

import { useId } from "react";
import { inputClass } from "./settings-styles";
import { useTimeZones } from "./use-settings";

// A text field with the server's zones as suggestions: type "tokyo" or "New_Y" and pick. Free text is
// allowed so an alias (US/Eastern) still works; the server checks it and stores the canonical name.
export function TimeZonePicker({
  value,
  onChange,
  testId,
  label = "Time zone",
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  label?: string;
}) {
  const id = useId();
  const zones = useTimeZones();
  const known = zones.data?.find((zone) => zone.id === value);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        list={`${id}-zones`}
        className={`${inputClass} mt-1`}
        value={value}
        placeholder="e.g. Asia/Tokyo"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-zones`}>
        {zones.data?.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {`${zone.id} (${zone.offset})`}
          </option>
        ))}
      </datalist>
      <p className="mt-1 text-xs text-slate-500">
        {known ? `Now ${known.offset}.` : zones.data && value.trim() ? "Not in the list: it will be checked when you save." : "Type a city to search."}
      </p>
    </div>
  );
}
