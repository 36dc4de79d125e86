import { createTRPCRouter, workspaceProcedure } from "../../trpc";
import { listFlows } from "./list-flows";

export const flowsRouter = createTRPCRouter({
  list: workspaceProcedure.query(listFlows),
});
