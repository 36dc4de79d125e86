import { z } from "zod";
import {
  createSegment,
  createSegmentInput,
  deleteSegment,
  getSegment,
  listSegments,
  updateSegment,
  updateSegmentInput,
} from "@/server/contacts/segments";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";

const segmentIdInput = z.object({ id: z.string().uuid() });

export const segmentsRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listSegments(ctx.database.db, ctx.workspaceId)),
  get: workspaceProcedure.input(segmentIdInput).query(({ ctx, input }) => getSegment(ctx.database.db, ctx.workspaceId, input.id)),
  create: workspaceProcedure.input(createSegmentInput).mutation(({ ctx, input }) => createSegment(ctx.database.db, ctx.workspaceId, input)),
  update: workspaceProcedure.input(updateSegmentInput).mutation(({ ctx, input }) => updateSegment(ctx.database.db, ctx.workspaceId, input)),
  delete: workspaceProcedure.input(segmentIdInput).mutation(({ ctx, input }) => deleteSegment(ctx.database.db, ctx.workspaceId, input.id)),
});
