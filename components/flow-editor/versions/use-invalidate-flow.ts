"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";

// After a publish or rollback: the flow's status, its version list and the flows list all change.
export function useInvalidateFlow(flowId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ id: flowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
    ]);
  }, [queryClient, trpc, flowId]);
}
