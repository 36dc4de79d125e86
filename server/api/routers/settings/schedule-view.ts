import type { StoredSchedule } from "@/server/settings/stored-settings";

// A calendar as the Settings page edits it: holidays with their optional names.
export type ScheduleView = Omit<StoredSchedule, "holidays" | "holidayLabels"> & { holidays: { date: string; label: string }[] };

export function toScheduleView({ holidays, holidayLabels, ...schedule }: StoredSchedule): ScheduleView {
  return { ...schedule, holidays: holidays.map((date) => ({ date, label: holidayLabels[date] ?? "" })) };
}
