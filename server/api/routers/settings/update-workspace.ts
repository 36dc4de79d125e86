import { eq } from "drizzle-orm";
import { z } from "zod";
import { workspaces } from "@/drizzle/schema";
import { changeStoredSettings } from "@/server/settings/workspace-settings";
import type { WorkspaceContext } from "../../trpc";
import { getSettings } from "./get-settings";

export const updateWorkspaceInput = z.object({
  name: z.string().trim().min(1, "Give the workspace a name.").max(80).optional(),
  timeZone: z.string().trim().min(1, "Choose a time zone.").optional(),
});

// The zone is checked (and written) first: a refused zone leaves the name unchanged too.
export async function updateWorkspace({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof updateWorkspaceInput> }) {
  const { timeZone, name } = input;
  if (timeZone !== undefined) await changeStoredSettings(ctx.database.db, ctx.workspaceId, (current) => ({ ...current, timeZone }));
  if (name !== undefined) await ctx.database.db.update(workspaces).set({ name }).where(eq(workspaces.id, ctx.workspaceId));
  return getSettings({ ctx });
}
