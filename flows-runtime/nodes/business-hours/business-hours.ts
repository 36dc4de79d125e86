import { z } from "zod";
import { weeklyIntervalSchema, type BusinessHoursSchedule } from "../../engine/context";
import { isValidTimeZone, isWithinBusinessHours, localTimeParts } from "../../schedule/business-hours";
import { defineNodeKind, type DiagnosticDraft, type NodeRunContext } from "../define-node-kind";
import { nextOpening, WEEKDAYS } from "./next-opening";

export const NEXT_OPEN_VARIABLE = "next_open";

const inlineScheduleSchema = z.object({
  timeZone: z.string().default("UTC"),
  weekly: z.array(weeklyIntervalSchema).default([]),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});

export const businessHoursDataSchema = z.object({
  // A workspace schedule by id; when absent (and there is no inline schedule) the workspace's first.
  scheduleId: z.string().optional(),
  // Hours for this flow only; wins over scheduleId.
  schedule: inlineScheduleSchema.optional(),
});
export type BusinessHoursData = z.infer<typeof businessHoursDataSchema>;

export const businessHoursNode = defineNodeKind({
  kind: "business_hours",
  data: businessHoursDataSchema,
  ports: () => ["open", "closed"],
  requiredPorts: () => ["open", "closed"],
  waits: () => false,
  references: () => ({ writesVariables: [NEXT_OPEN_VARIABLE] }),
  diagnose: (data) => diagnoseBusinessHours(data),
  run: (data, ctx) => {
    const schedule = resolveSchedule(data, ctx);
    // No schedule means the workspace never said when it is closed. We go `open`: an away message
    // ("we are closed") sent around the clock would be wrong every time, while a greeting is at worst
    // a little optimistic. The note makes the missing schedule visible in the simulator.
    if (!schedule) {
      const why = data.scheduleId ? `schedule "${data.scheduleId}" not found` : "no business hours schedule set up";
      return { outcome: "next", port: "open", variables: { [NEXT_OPEN_VARIABLE]: null }, note: `${why}: treated as open` };
    }
    const timeZone = isValidTimeZone(schedule.timeZone) ? schedule.timeZone : "UTC";
    const local = localTimeParts(timeZone, ctx.now);
    const clock = `${WEEKDAYS[local.weekday]?.slice(0, 3)} ${local.isoDate} ${pad(local.hour)}:${pad(local.minute)} ${timeZone}`;
    const today = schedule.weekly.filter((interval) => interval.day === local.weekday).map((i) => `${i.open}–${i.close}`);
    if (isWithinBusinessHours(schedule, ctx.now)) {
      return { outcome: "next", port: "open", variables: { [NEXT_OPEN_VARIABLE]: null }, note: `${clock}: open (${today.join(", ") || "overnight hours"})` };
    }
    const why = schedule.holidays.includes(local.isoDate)
      ? "holiday"
      : today.length === 0
        ? `closed on ${WEEKDAYS[local.weekday]}s`
        : `outside ${today.join(", ")}`;
    return { outcome: "next", port: "closed", variables: { [NEXT_OPEN_VARIABLE]: nextOpening(schedule, local) ?? null }, note: `${clock}: closed (${why})` };
  },
});

function resolveSchedule(data: BusinessHoursData, ctx: NodeRunContext): BusinessHoursSchedule | undefined {
  if (data.schedule) return { id: ctx.nodeId, name: "This step's hours", ...data.schedule };
  const schedules = ctx.settings.schedules;
  if (data.scheduleId !== undefined) return schedules.find((schedule) => schedule.id === data.scheduleId);
  return schedules[0];
}

function diagnoseBusinessHours(data: BusinessHoursData): DiagnosticDraft[] {
  const schedule = data.schedule;
  if (!schedule) return [];
  const problems: DiagnosticDraft[] = [];
  if (!isValidTimeZone(schedule.timeZone)) {
    problems.push({
      code: "invalid_time_zone",
      severity: "error",
      message: `"${schedule.timeZone}" is not a time zone. Use a name such as Asia/Tokyo or America/New_York.`,
    });
  }
  if (schedule.weekly.every((interval) => interval.open === interval.close)) {
    problems.push({ code: "always_closed", severity: "warning", message: "These hours have no opening times, so every contact goes to closed." });
  } else for (const interval of schedule.weekly) {
    if (interval.open === interval.close) {
      problems.push({
        code: "empty_interval",
        severity: "warning",
        message: `${WEEKDAYS[interval.day]} opens and closes at ${interval.open}, so it is closed all day. For all day use 00:00–24:00.`,
      });
    }
  }
  if (data.scheduleId !== undefined) {
    problems.push({ code: "schedule_id_ignored", severity: "warning", message: "This step has its own hours, so the chosen workspace schedule is not used." });
  }
  return problems;
}

const pad = (n: number) => String(n).padStart(2, "0");
