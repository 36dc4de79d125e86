"use client";

import { useState } from "react";
import { useFlowEditor } from "../store/flow-editor-context";
import { SeverityIcon } from "../problems/severity-icon";

// The compiler's findings for this node, errors first, above its form.
export function NodeDiagnostics({ nodeId }: { nodeId: string }) {
  const diagnostics = useFlowEditor((state) => state.diagnostics.filter((diagnostic) => diagnostic.nodeId === nodeId));
  const [expanded, setExpanded] = useState(false);
  if (diagnostics.length === 0) return null;
  const all = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  // Channel-limit warnings can run to a dozen on one message: errors always show, warnings past a few fold.
  const errorCount = all.filter((diagnostic) => diagnostic.severity === "error").length;
  const limit = errorCount + 3;
  const sorted = expanded ? all : all.slice(0, limit);
  return (
    <ul className="space-y-1" data-testid="inspector-diagnostics">
      {sorted.map((diagnostic, index) => (
        <li
          key={`${diagnostic.code}-${diagnostic.port ?? ""}-${index}`}
          className={`flex gap-2 rounded px-2 py-1 text-xs ${diagnostic.severity === "error" ? "bg-rose-50 text-rose-900" : "bg-amber-50 text-amber-900"}`}
        >
          <SeverityIcon severity={diagnostic.severity} />
          <span>{diagnostic.message}</span>
        </li>
      ))}
      {all.length > sorted.length || expanded ? (
        <li>
          <button type="button" className="nodrag text-xs text-sky-700 hover:underline" data-testid="inspector-diagnostics-more" onClick={() => setExpanded((value) => !value)}>
            {expanded ? "Show fewer" : `Show ${all.length - sorted.length} more`}
          </button>
        </li>
      ) : null}
    </ul>
  );
}
