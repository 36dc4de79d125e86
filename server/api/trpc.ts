import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Database } from "../db/client";
import { DomainError, type DomainErrorCode } from "../domain-errors";
import { forgetWorkspaceView } from "../runtime/flow-cache";
import type { Queue } from "../queue/queue";

export type Context = {
  database: Database;
  queue: Queue | null;
  // Set when the caller acts in a workspace; every workspace query is scoped to it.
  workspaceId: string | null;
  userId: string | null;
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms; the raw zod issues stay on the server.
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
        details: error.cause instanceof DomainError ? (error.cause.details ?? null) : null,
      },
    };
  },
});

const trpcCodes: Record<DomainErrorCode, TRPCError["code"]> = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  forbidden: "FORBIDDEN",
};

// Domain errors become tRPC errors here and nowhere else.
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodes[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

// Refuses any call that is not made inside a workspace, and narrows the context for the handler.
export const workspaceProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.workspaceId || !ctx.userId) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "This call needs a workspace." });
  }
  return next({ ctx: { ...ctx, workspaceId: ctx.workspaceId, userId: ctx.userId } });
}).use(async ({ ctx, type, path, next }) => {
  const result = await next();
  // A publish, a new default flow or new business hours apply to the very next message in this
  // process (other worker processes pick them up within the runtime cache's second). The simulator's
  // calls change none of them, and each of its taps would otherwise reload the view on the next one.
  if (type === "mutation" && result.ok && !path.startsWith("simulator.")) forgetWorkspaceView(ctx.database, ctx.workspaceId);
  return result;
});

export type WorkspaceContext = Context & { workspaceId: string; userId: string };
