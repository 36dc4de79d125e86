import { z } from "zod";
import { businessHoursScheduleSchema, isValidTimeZone, type WorkspaceSettings } from "@/flows-runtime";

// A schedule as kept in `workspaces.settings.schedules`: the engine's schedule plus optional holiday
// names ("元日") by date. The labels live beside the schedule instead of in flows-runtime's schema: the
// engine never needs them, workspaceSettingsSchema drops them when the runtime parses the same JSON, and
// schedules stored without them stay valid.
export const storedScheduleSchema = businessHoursScheduleSchema.extend({
  holidayLabels: z.record(z.string(), z.string()).default({}),
});
export type StoredSchedule = z.infer<typeof storedScheduleSchema>;
export type StoredScheduleInput = z.input<typeof storedScheduleSchema>;

export type StoredSettings = {
  timeZone: string;
  schedules: StoredSchedule[];
  // Any other keys of `workspaces.settings`, written back untouched.
  other: Record<string, unknown>;
};

// Reads the workspace row leniently: a broken schedule is dropped on its own rather than taking the
// others with it, and an unusable time zone falls back to UTC, so a bad write can never stop flows.
export function readStoredSettings(row: { timeZone: string; settings: unknown }): StoredSettings {
  const raw = isRecord(row.settings) ? row.settings : {};
  const { schedules: rawSchedules, ...other } = raw;
  const schedules: StoredSchedule[] = [];
  const seen = new Set<string>();
  for (const candidate of Array.isArray(rawSchedules) ? rawSchedules : []) {
    const parsed = storedScheduleSchema.safeParse(candidate);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    schedules.push(parsed.data);
  }
  return { timeZone: isValidTimeZone(row.timeZone) ? row.timeZone : "UTC", schedules, other };
}

// What the engine sees: the labels dropped.
export function toWorkspaceSettings(stored: StoredSettings): WorkspaceSettings {
  return {
    timeZone: stored.timeZone,
    schedules: stored.schedules.map(({ id, name, timeZone, weekly, holidays }) => ({ id, name, timeZone, weekly, holidays })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
