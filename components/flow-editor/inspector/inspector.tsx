"use client";

import { useFlowEditor } from "../store/flow-editor-context";
import { MultiSelection } from "./multi-selection";
import { NodeInspector } from "./node-inspector";

// The side panel for the selection: a form for one node, bulk actions for several, a hint for none.
export function Inspector() {
  const nodeIds = useFlowEditor((state) => state.selection.nodeIds);
  return (
    <aside data-testid="inspector" className="flex h-full min-h-0 flex-col overflow-y-auto bg-white text-slate-900">
      {nodeIds.length === 0 ? (
        <p className="p-4 text-sm text-slate-500" data-testid="inspector-empty">
          Select a step on the canvas to edit it. Drag steps in from the palette; connect them by dragging from an output.
        </p>
      ) : nodeIds.length === 1 && nodeIds[0] ? (
        <NodeInspector key={nodeIds[0]} nodeId={nodeIds[0]} />
      ) : (
        <MultiSelection count={nodeIds.length} />
      )}
    </aside>
  );
}
