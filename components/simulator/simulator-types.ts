import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

// The simulation as the browser receives it (JSON over tRPC).
export type SimulatorView = inferRouterOutputs<AppRouter>["simulator"]["state"];
export type SimulatorViewMessage = SimulatorView["messages"][number];
