import { createTRPCRouter, workspaceProcedure } from "../../trpc";
import { getSettings, listSchedules } from "./get-settings";
import { previewSchedule } from "./preview-schedule";
import { japaneseHolidaysInput, listJapaneseHolidays, listTimeZones } from "./reference-lists";
import {
  createScheduleInput,
  previewScheduleInput,
  reorderSchedulesInput,
  scheduleIdInput,
  updateScheduleInput,
} from "./schedule-input";
import { createSchedule, deleteSchedule, reorderSchedules, updateSchedule } from "./schedule-mutations";
import { updateWorkspace, updateWorkspaceInput } from "./update-workspace";

// Business-hours calendars: one workspace may keep several ("Support desk", "Sales"); business_hours
// nodes pick one by id, or use the first.
const schedulesRouter = createTRPCRouter({
  list: workspaceProcedure.query(listSchedules),
  create: workspaceProcedure.input(createScheduleInput).mutation(createSchedule),
  update: workspaceProcedure.input(updateScheduleInput).mutation(updateSchedule),
  delete: workspaceProcedure.input(scheduleIdInput).mutation(deleteSchedule),
  reorder: workspaceProcedure.input(reorderSchedulesInput).mutation(reorderSchedules),
  preview: workspaceProcedure.input(previewScheduleInput).query(previewSchedule),
});

export const settingsRouter = createTRPCRouter({
  get: workspaceProcedure.query(getSettings),
  update: workspaceProcedure.input(updateWorkspaceInput).mutation(updateWorkspace),
  timeZones: workspaceProcedure.query(listTimeZones),
  japaneseHolidays: workspaceProcedure.input(japaneseHolidaysInput).query(listJapaneseHolidays),
  schedules: schedulesRouter,
});
