"use client";

import { useFlowEditor } from "../store/flow-editor-context";

export function MultiSelection({ count }: { count: number }) {
  const readOnly = useFlowEditor((state) => state.readOnly);
  const deleteSelection = useFlowEditor((state) => state.deleteSelection);
  const duplicateSelection = useFlowEditor((state) => state.duplicateSelection);
  return (
    <div className="space-y-3 p-4" data-testid="inspector-multi">
      <p className="text-sm font-medium">{count} nodes selected</p>
      {!readOnly ? (
        <div className="flex gap-2">
          <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50" data-testid="inspector-duplicate" onClick={duplicateSelection}>
            Duplicate
          </button>
          <button type="button" className="rounded border border-rose-300 px-3 py-1 text-sm text-rose-700 hover:bg-rose-50" data-testid="inspector-delete" onClick={deleteSelection}>
            Delete
          </button>
        </div>
      ) : null}
    </div>
  );
}
