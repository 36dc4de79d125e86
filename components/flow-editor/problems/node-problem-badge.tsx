"use client";

import { useFlowEditor } from "../store/flow-editor-context";

// A small red / amber badge with the count of a node's problems, for the canvas node's corner.
export function NodeProblemBadge({ nodeId }: { nodeId: string }) {
  const counts = useFlowEditor((state) => {
    let errors = 0;
    let warnings = 0;
    for (const diagnostic of state.diagnostics) {
      if (diagnostic.nodeId !== nodeId) continue;
      if (diagnostic.severity === "error") errors++;
      else warnings++;
    }
    // A string, so the selector result compares by value and the node only re-renders when it changes.
    return `${errors}:${warnings}`;
  });
  const [errors = 0, warnings = 0] = counts.split(":").map(Number);
  if (errors === 0 && warnings === 0) return null;
  const title = [errors ? `${errors} error${errors === 1 ? "" : "s"}` : "", warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : ""].filter(Boolean).join(", ");
  return (
    <span
      data-testid="node-problem-badge"
      data-severity={errors > 0 ? "error" : "warning"}
      title={title}
      className={`inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[11px] font-bold text-white ${errors > 0 ? "bg-rose-600" : "bg-amber-500"}`}
    >
      {errors > 0 ? errors : warnings}
    </span>
  );
}
