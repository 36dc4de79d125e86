import { z } from "zod";
import { weeklyIntervalSchema } from "@/flows-runtime";

// Shapes only: zone names, empty and overlapping intervals and impossible dates are checked by
// scheduleProblems, whose messages name the culprit.
const holidayInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-01."),
  label: z.string().trim().max(80).default(""),
});

const scheduleFields = z.object({
  name: z.string().trim().min(1, "Give the calendar a name.").max(80),
  timeZone: z.string().trim().min(1, "Choose a time zone."),
  // Seven days with a handful of intervals each is plenty; the cap keeps a bad client from bloating the row.
  weekly: z.array(weeklyIntervalSchema).max(100),
  holidays: z.array(holidayInput).max(1000),
});

export const createScheduleInput = scheduleFields.partial().extend({ name: scheduleFields.shape.name });
export const updateScheduleInput = scheduleFields.partial().extend({ id: z.string().min(1) });
export const scheduleIdInput = z.object({ id: z.string().min(1) });
export const reorderSchedulesInput = z.object({ ids: z.array(z.string().min(1)).max(100) });
// `at` lets the simulator and tests ask about another instant than now.
export const previewScheduleInput = z.object({ id: z.string().min(1), at: z.number().int().optional() });

export type HolidayInput = z.infer<typeof holidayInput>;
