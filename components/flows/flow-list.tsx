"use client";

import { useState } from "react";
import { primaryButton } from "./buttons";
import { DeleteFlowDialog } from "./delete-flow-dialog";
import { FlowRow } from "./flow-row";
import { useFlowActions } from "./use-flow-actions";
import { useFlowList, type FlowListItem } from "./use-flow-list";
import { useNow } from "./use-now";

// The workspace's flows, most recently edited first, each with its status and actions.
export function FlowList({ onCreate }: { onCreate: () => void }) {
  const { flows, refresh } = useFlowList();
  const actions = useFlowActions(refresh);
  const [deleting, setDeleting] = useState<FlowListItem | null>(null);
  const now = useNow();

  if (flows.isPending) return <ListSkeleton />;
  if (flows.isError) {
    return (
      <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200">
        Could not load flows: {flows.error.message}
      </p>
    );
  }
  if (flows.data.length === 0) return <EmptyState onCreate={onCreate} />;

  return (
    <>
      {actions.error && (
        <div role="alert" data-testid="action-error" className="mb-4 flex items-start justify-between gap-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200">
          <span>{actions.error}</span>
          <button type="button" className="text-rose-700 underline" onClick={actions.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" data-testid="flow-list">
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5">Name</th>
              <th scope="col" className="px-4 py-2.5">Status</th>
              <th scope="col" className="px-4 py-2.5">Channels</th>
              <th scope="col" className="px-4 py-2.5">Last edited</th>
              <th scope="col" className="px-4 py-2.5 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {flows.data.map((flow) => (
              <FlowRow key={flow.id} flow={flow} now={now} actions={actions} onDelete={() => setDeleting(flow)} />
            ))}
          </tbody>
        </table>
      </div>
      <DeleteFlowDialog
        flow={deleting}
        pending={actions.remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={(flow) => actions.remove.mutate({ id: flow.id }, { onSettled: () => setDeleting(null) })}
      />
    </>
  );
}

function EmptyState({ onCreate }: { onCreate: () => void }) {
  return (
    <div data-testid="flows-empty" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <h2 className="text-base font-semibold text-slate-900">No flows yet</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        A flow answers your contacts automatically: greet them, ask questions, tag them and hand over to your team.
      </p>
      <button type="button" className={`${primaryButton} mt-5`} onClick={onCreate}>
        Create your first flow
      </button>
    </div>
  );
}

function ListSkeleton() {
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4" aria-busy="true" aria-label="Loading flows">
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-10 animate-pulse rounded-md bg-slate-100" />
      ))}
    </div>
  );
}
