import { eq } from "drizzle-orm";
import { workspaces } from "@/drizzle/schema";
import type { WorkspaceSettings } from "@/flows-runtime";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../domain-errors";
import { scheduleProblems } from "./schedule-problems";
import {
  readStoredSettings,
  storedScheduleSchema,
  toWorkspaceSettings,
  type StoredScheduleInput,
  type StoredSettings,
} from "./stored-settings";
import { canonicalTimeZone, timeZoneProblem } from "./time-zones";

// The settings step() gets as `ctx.settings`: the workspace's time zone and its business-hours
// calendars in the order the Settings page shows them (the first is the default of business_hours
// nodes without a scheduleId). A new workspace gets its column's time zone (UTC) and no calendars.
export async function loadWorkspaceSettings(db: Db, workspaceId: string): Promise<WorkspaceSettings> {
  return toWorkspaceSettings(await loadStoredSettings(db, workspaceId));
}

export async function loadStoredSettings(db: Db, workspaceId: string): Promise<StoredSettings & { name: string }> {
  const [row] = await db
    .select({ name: workspaces.name, timeZone: workspaces.timeZone, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound("That workspace");
  return { name: row.name, ...readStoredSettings(row) };
}

// Replaces the time zone and every calendar (labels are kept only if the schedules carry them).
// Throws an "invalid" DomainError naming each problem; nothing is written then.
export async function saveWorkspaceSettings(
  db: Db,
  workspaceId: string,
  settings: { timeZone: string; schedules: StoredScheduleInput[] },
): Promise<WorkspaceSettings> {
  const schedules = settings.schedules.map((schedule) => storedScheduleSchema.parse(schedule));
  const saved = await changeStoredSettings(db, workspaceId, (current) => ({ ...current, timeZone: settings.timeZone, schedules }));
  return toWorkspaceSettings(saved);
}

// Read-modify-write of the settings in one transaction, the row locked so two editors cannot lose each
// other's calendars. `change` may throw a DomainError; its result is normalised and validated.
export async function changeStoredSettings(
  db: Db,
  workspaceId: string,
  change: (current: StoredSettings) => StoredSettings,
): Promise<StoredSettings> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ timeZone: workspaces.timeZone, settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("update");
    if (!row) throw notFound("That workspace");
    const next = normalise(change(readStoredSettings(row)));
    await tx
      .update(workspaces)
      .set({ timeZone: next.timeZone, settings: { ...next.other, schedules: next.schedules } })
      .where(eq(workspaces.id, workspaceId));
    return next;
  });
}

// Canonical zone names, intervals in week order, holidays sorted and unique, labels only for holidays.
function normalise(settings: StoredSettings): StoredSettings {
  const timeZone = canonicalTimeZone(settings.timeZone);
  if (!timeZone) throw new DomainError("invalid", timeZoneProblem(settings.timeZone), { problems: [timeZoneProblem(settings.timeZone)] });
  const ids = new Set<string>();
  const schedules = settings.schedules.map((schedule) => {
    const problems = scheduleProblems(schedule);
    if (problems.length > 0) {
      throw new DomainError("invalid", problems.join(" "), { scheduleId: schedule.id, problems });
    }
    if (ids.has(schedule.id)) throw new DomainError("invalid", `Two calendars have the id "${schedule.id}".`);
    ids.add(schedule.id);
    const holidays = [...new Set(schedule.holidays)].sort();
    const holidayLabels = Object.fromEntries(
      holidays.flatMap((date) => {
        const label = schedule.holidayLabels[date]?.trim();
        return label ? [[date, label]] : [];
      }),
    );
    const weekly = [...schedule.weekly].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
    return { ...schedule, name: schedule.name.trim(), timeZone: canonicalTimeZone(schedule.timeZone)!, weekly, holidays, holidayLabels };
  });
  return { ...settings, timeZone, schedules };
}
