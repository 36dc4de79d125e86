"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { FieldFrame, fieldId, inputClass, testId } from "../schema-form/field-frame";
import { getAt } from "../schema-form/path-value";
import { useSchemaForm, type CustomFieldProps } from "../schema-form/schema-form-context";

// Which of the workspace's business-hours calendars (Settings) the node checks, by id; the first one
// is used when none is chosen.
export function SchedulePickerField({ path, label }: CustomFieldProps) {
  const { value, onChange, readOnly } = useSchemaForm();
  const trpc = useTRPC();
  const schedules = useQuery(trpc.settings.schedules.list.queryOptions());
  const current = getAt(value, path);
  const selected = typeof current === "string" ? current : "";
  const list = schedules.data ?? [];
  const known = selected === "" || list.some((schedule) => schedule.id === selected);
  return (
    <FieldFrame path={path} label={label}>
      <select
        id={fieldId(path)}
        data-testid={testId(path)}
        className={inputClass}
        disabled={readOnly}
        value={selected}
        onChange={(event) => onChange(path, event.target.value === "" ? undefined : event.target.value)}
      >
        <option value="">{schedules.isPending ? "Loading calendars…" : list[0] ? `Workspace default (${list[0].name})` : "Workspace default"}</option>
        {!known && <option value={selected}>Missing calendar ({selected})</option>}
        {list.map((schedule) => (
          <option key={schedule.id} value={schedule.id}>
            {schedule.name} · {schedule.timeZone}
          </option>
        ))}
      </select>
      <Link href="/settings" className="mt-1 inline-block text-xs text-indigo-700 hover:underline">
        Edit business hours and holidays
      </Link>
    </FieldFrame>
  );
}
