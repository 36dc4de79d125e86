"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { NodeData } from "../registry";
import { Placeholder, SummaryLine } from "../summary-parts";

export function JumpSummary({ data }: { data: NodeData<"jump"> }) {
  const trpc = useTRPC();
  // Jumps store the target flow's stable id; the name is looked up for display only.
  const flows = useQuery({ ...trpc.flows.list.queryOptions(), enabled: data.flowId !== "" });
  if (data.flowId === "") return <Placeholder>No flow chosen</Placeholder>;
  const target = flows.data?.find((flow) => flow.id === data.flowId);
  return (
    <SummaryLine>
      Continue in <span className="font-medium text-slate-900">{target?.name ?? (flows.isPending ? "…" : "a missing flow")}</span>
    </SummaryLine>
  );
}
