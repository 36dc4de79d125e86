import { z } from "zod";
import { channelTypeSchema } from "../channels/channel-type";
import type { HttpRequest } from "./actions";
import type { HttpResult } from "./events";

export const contactSnapshotSchema = z.object({
  id: z.string(),
  // Built-in profile fields (first_name, last_name, phone, email, locale...) and custom fields, by stable key.
  fields: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  channel: channelTypeSchema,
});
export type ContactSnapshot = z.infer<typeof contactSnapshotSchema>;

export const weeklyIntervalSchema = z.object({
  // 0 = Sunday ... 6 = Saturday, in the schedule's time zone.
  day: z.number().int().min(0).max(6),
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
});

export const businessHoursScheduleSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weekly: z.array(weeklyIntervalSchema),
  // ISO dates (YYYY-MM-DD) in the schedule's time zone when the business is closed all day.
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type BusinessHoursSchedule = z.infer<typeof businessHoursScheduleSchema>;

export const workspaceSettingsSchema = z.object({
  timeZone: z.string(),
  schedules: z.array(businessHoursScheduleSchema),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

// Everything from the outside world step() may use. Tests, the simulator and replays pass their own.
export type StepContext = {
  // Milliseconds since the epoch: the engine never reads a clock itself.
  now: number;
  // Deterministic random source in [0, 1), e.g. seeded per contact + event.
  random: () => number;
  contact: ContactSnapshot;
  settings: WorkspaceSettings;
  // Optional synchronous resolver (recorded responses, simulator mocks). When it is absent or returns
  // undefined the engine emits an `http_request` action and waits for an `http_result` event.
  http?: (request: HttpRequest) => HttpResult | undefined;
  // At most this many nodes per event (default ENGINE_STEP_CAP).
  maxSteps?: number;
};
