import { z } from "zod";
import { deleteSimulationCase, listSimulationCases, runSimulationCase, saveCaseInput, saveSimulationCase } from "@/server/simulator/simulation-cases";
import { setClockInput, setSimulationClock } from "@/server/simulator/simulation-clock";
import { simulationInputSchema, simulationSetupSchema } from "@/server/simulator/simulation-setup";
import { knownPartsSchema, simulationState } from "@/server/simulator/simulation-state";
import { simulateInput } from "@/server/simulator/simulate-input";
import { startSimulation, type SimulatorScope } from "@/server/simulator/start-simulation";
import { loadSimulation } from "@/server/simulator/load-simulation";
import { createTRPCRouter, workspaceProcedure, type WorkspaceContext } from "../../trpc";

const simulationIdInput = z.object({ simulationId: z.string().uuid() });
// `known`: the messages and steps the caller holds, which the answer then leaves out.
const knownInput = { known: knownPartsSchema.optional() };
const scopeOf = (ctx: WorkspaceContext): SimulatorScope => ({ database: ctx.database, queue: ctx.queue, workspaceId: ctx.workspaceId, userId: ctx.userId });

// The builder's simulator: every call runs the production pipeline for a test contact and answers
// with the simulation's state as stored.
export const simulatorRouter = createTRPCRouter({
  start: workspaceProcedure.input(simulationSetupSchema).mutation(async ({ ctx, input }) => {
    const { simulationId } = await startSimulation(scopeOf(ctx), input);
    return simulationState(ctx.database, ctx.workspaceId, simulationId);
  }),
  state: workspaceProcedure.input(simulationIdInput).query(({ ctx, input }) => simulationState(ctx.database, ctx.workspaceId, input.simulationId)),
  send: workspaceProcedure.input(simulationIdInput.extend({ input: simulationInputSchema, ...knownInput })).mutation(async ({ ctx, input }) => {
    const simulation = await simulateInput(scopeOf(ctx), input.simulationId, input.input);
    return simulationState(ctx.database, ctx.workspaceId, input.simulationId, { loaded: simulation, known: input.known });
  }),
  setClock: workspaceProcedure.input(setClockInput.extend(knownInput)).mutation(async ({ ctx, input }) => {
    await setSimulationClock(ctx.database, ctx.workspaceId, input);
    return simulationState(ctx.database, ctx.workspaceId, input.simulationId, { known: input.known });
  }),
  // The same setup again, as a new test contact (the old conversation stays as it was).
  restart: workspaceProcedure.input(simulationIdInput).mutation(async ({ ctx, input }) => {
    const previous = await loadSimulation(ctx.database, ctx.workspaceId, input.simulationId);
    const { simulationId } = await startSimulation(scopeOf(ctx), previous.setup);
    return simulationState(ctx.database, ctx.workspaceId, simulationId);
  }),
  cases: createTRPCRouter({
    list: workspaceProcedure.input(z.object({ flowId: z.string().uuid() })).query(({ ctx, input }) => listSimulationCases(scopeOf(ctx), input.flowId)),
    save: workspaceProcedure.input(saveCaseInput).mutation(({ ctx, input }) => saveSimulationCase(scopeOf(ctx), input)),
    run: workspaceProcedure.input(z.object({ caseId: z.string().uuid() })).mutation(({ ctx, input }) => runSimulationCase(scopeOf(ctx), input.caseId)),
    delete: workspaceProcedure.input(z.object({ caseId: z.string().uuid() })).mutation(({ ctx, input }) => deleteSimulationCase(scopeOf(ctx), input.caseId)),
  }),
});
