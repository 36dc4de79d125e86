"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { downloadText } from "./download-text";

// What a row can do to its flow. Every change refreshes the list; a failure becomes a message the
// page shows, never a thrown error.
export function useFlowActions(refresh: () => Promise<unknown>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const onError = (action: string) => (failure: { message: string }) => setError(`Could not ${action}: ${failure.message}`);
  const onSuccess = () => {
    setError(null);
    return refresh();
  };

  const rename = useMutation(trpc.flows.rename.mutationOptions({ onSuccess, onError: onError("rename the flow") }));
  const duplicate = useMutation(trpc.flows.duplicate.mutationOptions({ onSuccess, onError: onError("duplicate the flow") }));
  const remove = useMutation(trpc.flows.delete.mutationOptions({ onSuccess, onError: onError("delete the flow") }));
  const exportFlow = useMutation({
    mutationFn: ({ id }: { id: string }) => queryClient.fetchQuery({ ...trpc.flows.export.queryOptions({ id }), staleTime: 0 }),
    onSuccess: (file) => {
      setError(null);
      downloadText(file.fileName, file.json);
    },
    onError: onError("export the flow"),
  });

  return { rename, duplicate, remove, exportFlow, error, dismissError: () => setError(null) };
}

export type FlowActions = ReturnType<typeof useFlowActions>;

// Whether this mutation is running for this flow (one row's spinner, not every row's).
export function isPendingFor(mutation: { isPending: boolean; variables?: { id: string } }, id: string) {
  return mutation.isPending && mutation.variables?.id === id;
}
