import { z } from "zod";
import { createEntryPoint, createEntryPointInput } from "@/server/entry-points/create-entry-point";
import { listEntryPoints } from "@/server/entry-points/list-entry-points";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";
import { deleteEntryPoint } from "./delete-entry-point";
import { entryPointChannels } from "./entry-point-channels";

const idInput = z.object({ id: z.string().uuid() });

export const entryPointsRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listEntryPoints(ctx.database, ctx.workspaceId)),
  // The workspace's channels with the handle each one's links need (asked for in the form when unknown).
  channels: workspaceProcedure.query(({ ctx }) => entryPointChannels(ctx.database, ctx.workspaceId)),
  create: workspaceProcedure.input(createEntryPointInput).mutation(({ ctx, input }) => createEntryPoint(ctx.database, ctx.workspaceId, input)),
  delete: workspaceProcedure.input(idInput).mutation(({ ctx, input }) => deleteEntryPoint(ctx.database, ctx.workspaceId, input.id)),
});
