import { createTRPCRouter, workspaceProcedure } from "../../trpc";
import { createFlow, createFlowInput, importFlow, importFlowInput } from "./create-flow";
import { getVersion, getVersionInput, listVersions, listVersionsInput } from "./flow-versions";
import { getFlow, getFlowInput } from "./get-flow";
import { listFlows } from "./list-flows";
import { listTemplates } from "./list-templates";
import { deleteFlow, duplicateFlow, exportFlow, flowIdInput, renameFlow, renameFlowInput } from "./manage-flow";
import { publishFlow, publishFlowInput, rollbackFlow, rollbackFlowInput } from "./publish-flow";
import { saveFlow, saveFlowInput } from "./save-flow";

export const flowsRouter = createTRPCRouter({
  list: workspaceProcedure.query(listFlows),
  templates: workspaceProcedure.query(listTemplates),
  get: workspaceProcedure.input(getFlowInput).query(getFlow),
  create: workspaceProcedure.input(createFlowInput).mutation(createFlow),
  import: workspaceProcedure.input(importFlowInput).mutation(importFlow),
  export: workspaceProcedure.input(flowIdInput).query(exportFlow),
  rename: workspaceProcedure.input(renameFlowInput).mutation(renameFlow),
  duplicate: workspaceProcedure.input(flowIdInput).mutation(duplicateFlow),
  delete: workspaceProcedure.input(flowIdInput).mutation(deleteFlow),
  save: workspaceProcedure.input(saveFlowInput).mutation(saveFlow),
  publish: workspaceProcedure.input(publishFlowInput).mutation(publishFlow),
  rollback: workspaceProcedure.input(rollbackFlowInput).mutation(rollbackFlow),
  versions: workspaceProcedure.input(listVersionsInput).query(listVersions),
  version: workspaceProcedure.input(getVersionInput).query(getVersion),
});
