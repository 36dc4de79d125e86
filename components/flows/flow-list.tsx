"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function FlowList() {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());

  if (flows.isPending) return <p className="text-slate-500">Loading flows…</p>;
  if (flows.isError) return <p role="alert" className="text-rose-700">Could not load flows: {flows.error.message}</p>;
  if (flows.data.length === 0) return <p className="text-slate-600">No flows yet.</p>;

  return (
    <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
      <thead className="bg-slate-100 text-left text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">Name</th>
          <th className="px-4 py-2 font-medium">Status</th>
          <th className="px-4 py-2 font-medium">Last edited</th>
        </tr>
      </thead>
      <tbody>
        {flows.data.map((flow) => (
          <tr key={flow.id} className="border-t border-slate-200" data-testid="flow-row">
            <td className="px-4 py-2 font-medium">{flow.name}</td>
            <td className="px-4 py-2">{flow.publishedVersionId ? "Published" : "Draft"}</td>
            <td className="px-4 py-2 text-slate-600">{new Date(flow.updatedAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
