import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { DomainError, notFound } from "@/server/domain-errors";
import type { StoredSchedule } from "@/server/settings/stored-settings";
import { changeStoredSettings } from "@/server/settings/workspace-settings";
import type { WorkspaceContext } from "../../trpc";
import type { createScheduleInput, HolidayInput, reorderSchedulesInput, scheduleIdInput, updateScheduleInput } from "./schedule-input";
import { toScheduleView } from "./schedule-view";

// A new calendar starts as a plain office week in the workspace's zone: easier to trim than to build.
const DEFAULT_WEEK = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));

export async function createSchedule({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof createScheduleInput> }) {
  const id = randomUUID();
  const saved = await changeStoredSettings(ctx.database.db, ctx.workspaceId, (current) => {
    const schedule: StoredSchedule = {
      id,
      name: input.name,
      timeZone: input.timeZone ?? current.timeZone,
      weekly: input.weekly ?? DEFAULT_WEEK,
      ...holidayFields(input.holidays ?? []),
    };
    return { ...current, schedules: [...current.schedules, schedule] };
  });
  return toScheduleView(saved.schedules.find((schedule) => schedule.id === id)!);
}

// Only the fields given change; `holidays`, when given, replaces the whole list (with its labels).
export async function updateSchedule({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof updateScheduleInput> }) {
  const { id, holidays, ...fields } = input;
  const saved = await changeStoredSettings(ctx.database.db, ctx.workspaceId, (current) => {
    const existing = findSchedule(current.schedules, id);
    const changed = { ...existing, ...definedOnly(fields), ...(holidays ? holidayFields(holidays) : {}) };
    return { ...current, schedules: current.schedules.map((schedule) => (schedule.id === id ? changed : schedule)) };
  });
  return toScheduleView(findSchedule(saved.schedules, id));
}

// business_hours nodes that named this calendar will report it missing and go `open` (see the node).
export async function deleteSchedule({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof scheduleIdInput> }) {
  await changeStoredSettings(ctx.database.db, ctx.workspaceId, (current) => {
    findSchedule(current.schedules, input.id);
    return { ...current, schedules: current.schedules.filter((schedule) => schedule.id !== input.id) };
  });
  return { id: input.id };
}

// The first calendar is the default for business_hours nodes without a scheduleId, so order matters.
export async function reorderSchedules({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof reorderSchedulesInput> }) {
  const saved = await changeStoredSettings(ctx.database.db, ctx.workspaceId, (current) => {
    const sameSet = input.ids.length === current.schedules.length && new Set(input.ids).size === input.ids.length;
    const byId = new Map(current.schedules.map((schedule) => [schedule.id, schedule]));
    if (!sameSet || input.ids.some((id) => !byId.has(id))) {
      throw new DomainError("conflict", "The calendars changed while you were reordering them. Reload and try again.");
    }
    return { ...current, schedules: input.ids.map((id) => byId.get(id)!) };
  });
  return saved.schedules.map(({ id, name }) => ({ id, name }));
}

function findSchedule(schedules: StoredSchedule[], id: string): StoredSchedule {
  const schedule = schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw notFound("That calendar");
  return schedule;
}

function holidayFields(holidays: HolidayInput[]) {
  return {
    holidays: holidays.map((holiday) => holiday.date),
    holidayLabels: Object.fromEntries(holidays.filter((holiday) => holiday.label).map((holiday) => [holiday.date, holiday.label])),
  };
}

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
