"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { AppRouter } from "@/server/api/root";

export type FlowListItem = inferRouterOutputs<AppRouter>["flows"]["list"][number];

// The workspace's flows, and a way to refresh them after any change made from this page.
export function useFlowList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }), [queryClient, trpc]);
  return { flows, refresh };
}
