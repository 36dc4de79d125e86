import { loadStoredSettings } from "@/server/settings/workspace-settings";
import type { WorkspaceContext } from "../../trpc";
import { toScheduleView } from "./schedule-view";

export async function getSettings({ ctx }: { ctx: WorkspaceContext }) {
  const stored = await loadStoredSettings(ctx.database.db, ctx.workspaceId);
  return { name: stored.name, timeZone: stored.timeZone, schedules: stored.schedules.map(toScheduleView) };
}

// For pickers (the business_hours node's inspector): id and name in order, the first being the default.
export async function listSchedules({ ctx }: { ctx: WorkspaceContext }) {
  const stored = await loadStoredSettings(ctx.database.db, ctx.workspaceId);
  return stored.schedules.map(({ id, name, timeZone }) => ({ id, name, timeZone }));
}
