import type { z } from "zod";
import { describeScheduleAt } from "@/flows-runtime";
import { notFound } from "@/server/domain-errors";
import { loadWorkspaceSettings } from "@/server/settings/workspace-settings";
import type { WorkspaceContext } from "../../trpc";
import type { previewScheduleInput } from "./schedule-input";

// "What does this mean right now?": open or closed at `at` (default now) and when that next changes.
export async function previewSchedule({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof previewScheduleInput> }) {
  const settings = await loadWorkspaceSettings(ctx.database.db, ctx.workspaceId);
  const schedule = settings.schedules.find((candidate) => candidate.id === input.id);
  if (!schedule) throw notFound("That calendar");
  return describeScheduleAt(schedule, input.at ?? Date.now());
}
