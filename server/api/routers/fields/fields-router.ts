import { z } from "zod";
import {
  createFieldDefinition,
  createFieldInput,
  deleteFieldDefinition,
  listFieldDefinitions,
  updateFieldDefinition,
  updateFieldInput,
} from "@/server/contacts/field-definitions";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";

export const fieldsRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listFieldDefinitions(ctx.database.db, ctx.workspaceId)),
  create: workspaceProcedure.input(createFieldInput).mutation(({ ctx, input }) => createFieldDefinition(ctx.database.db, ctx.workspaceId, input)),
  update: workspaceProcedure.input(updateFieldInput).mutation(({ ctx, input }) => updateFieldDefinition(ctx.database.db, ctx.workspaceId, input)),
  delete: workspaceProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteFieldDefinition(ctx.database.db, ctx.workspaceId, input.id)),
});
