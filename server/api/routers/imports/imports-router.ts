import { z } from "zod";
import { startImportWorker } from "@/server/contacts/import/import-queue";
import { importSettingsSchema } from "@/server/contacts/import/import-settings";
import { loadImport } from "@/server/contacts/import/load-import";
import { loadImportFields } from "@/server/contacts/import/load-import-fields";
import { previewImport } from "@/server/contacts/import/preview-import";
import { listRejections } from "@/server/contacts/import/rejections-csv";
import { startImport } from "@/server/contacts/import/start-import";
import { suggestMapping } from "@/server/contacts/import/suggest-mapping";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";

const idInput = z.object({ id: z.string().uuid() });
const settingsInput = z.object({ id: z.string().uuid(), settings: importSettingsSchema });

// The file itself is uploaded to POST /api/imports (raw bytes: encoding is checked on the bytes, and a
// 50,000-row file is not re-encoded as JSON); everything after works here.
export const importsRouter = createTRPCRouter({
  get: workspaceProcedure.input(idInput).query(async ({ ctx, input }) => {
    const record = await loadImport(ctx.database, ctx.workspaceId, input.id);
    // A job queued before a restart needs this process's worker (boot should start it too).
    if (ctx.queue && (record.status === "queued" || record.status === "running")) await startImportWorker(ctx.database, ctx.queue);
    const fields = [...(await loadImportFields(ctx.database.query, ctx.workspaceId)).values()];
    return { ...record, fields, suggestedMapping: suggestMapping(record.headers, fields) };
  }),
  preview: workspaceProcedure.input(settingsInput).query(({ ctx, input }) => previewImport(ctx.database, ctx.workspaceId, input.id, input.settings)),
  start: workspaceProcedure.input(settingsInput).mutation(({ ctx, input }) => startImport(ctx, ctx.workspaceId, input.id, input.settings)),
  rejections: workspaceProcedure
    .input(z.object({ id: z.string().uuid(), limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => listRejections(ctx.database, ctx.workspaceId, input.id, input.limit)),
});
