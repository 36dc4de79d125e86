import { z } from "zod";
import { createTag, createTagInput, deleteTag, listTags, mergeTags, mergeTagsInput, updateTag, updateTagInput } from "@/server/contacts/manage-tags";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";

export const tagsRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listTags(ctx.database.db, ctx.workspaceId)),
  create: workspaceProcedure.input(createTagInput).mutation(({ ctx, input }) => createTag(ctx.database.db, ctx.workspaceId, input)),
  update: workspaceProcedure.input(updateTagInput).mutation(({ ctx, input }) => updateTag(ctx.database.db, ctx.workspaceId, input)),
  merge: workspaceProcedure.input(mergeTagsInput).mutation(({ ctx, input }) => mergeTags(ctx.database.db, ctx.workspaceId, input)),
  delete: workspaceProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteTag(ctx.database.db, ctx.workspaceId, input.id)),
});
