import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { channels } from "@/drizzle/schema";
import { outsideWindowPolicySchema, outsideWindowProblem } from "@/server/channels/outside-window-policy";
import { DomainError } from "@/server/domain-errors";
import { forgetChannel } from "@/server/runtime/channel-cache";
import type { WorkspaceContext } from "../../trpc";
import { channelTypeOf, loadChannel } from "./channel-access";

export const setOutsideWindowInput = z.object({ id: z.string().uuid(), policy: outsideWindowPolicySchema });

// What bot messages do once a contact's messaging window has closed (channels.config.outsideWindow).
export async function setOutsideWindow({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof setOutsideWindowInput> }) {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const problem = outsideWindowProblem(channelTypeOf(row), input.policy);
  if (problem) throw new DomainError("invalid", `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  const config = { ...(row.config as Record<string, unknown>), outsideWindow: input.policy };
  await ctx.database.db
    .update(channels)
    .set({ config })
    .where(and(eq(channels.id, row.id), eq(channels.workspaceId, ctx.workspaceId)));
  forgetChannel(ctx.database, row.id);
  return { id: row.id, policy: input.policy };
}
