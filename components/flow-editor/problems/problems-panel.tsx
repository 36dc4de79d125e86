"use client";

import { useEffect, useMemo, useState } from "react";
import { useFlowEditor, useFlowEditorStore } from "../store/flow-editor-context";
import { registerFocusNode } from "./focus-node-bridge";
import { describeProblem } from "./describe-problem";
import { problemSummary, sortDiagnostics } from "./problem-summary";
import { SeverityIcon } from "./severity-icon";
import { useFocusNode } from "./use-focus-node";

// Everything compile() found in the current draft. Clicking a problem selects and centres its node.
export function ProblemsPanel() {
  const diagnostics = useFlowEditor((state) => state.diagnostics);
  const focusNode = useFocusNode();
  const store = useFlowEditorStore();
  useEffect(() => registerFocusNode(store, focusNode), [store, focusNode]);
  const [open, setOpen] = useState(true);
  const sorted = useMemo(() => sortDiagnostics(diagnostics), [diagnostics]);
  const hasErrors = sorted.some((diagnostic) => diagnostic.severity === "error");
  // Not `document`: that redrew every row on every drag frame (1,200 of them on a 2,000-node flow).
  const nodes = useFlowEditor((state) => state.committed.nodes);
  const rows = useMemo(() => {
    return sorted.map((diagnostic, index) => {
      const where = describeProblem(diagnostic, nodes);
      const clickable = diagnostic.nodeId !== undefined && nodes[diagnostic.nodeId] !== undefined;
      return (
        <li key={`${diagnostic.nodeId ?? ""}-${diagnostic.code}-${diagnostic.port ?? ""}-${index}`}>
          <button
            type="button"
            data-testid="problem-item"
            data-node-id={diagnostic.nodeId}
            data-severity={diagnostic.severity}
            disabled={!clickable}
            className="flex w-full items-start gap-2 px-3 py-1.5 text-left hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent"
            onClick={() => diagnostic.nodeId && focusNode(diagnostic.nodeId)}
          >
            <SeverityIcon severity={diagnostic.severity} />
            <span className="min-w-0">
              {where.node ? (
                <span className="mr-1 font-medium">
                  {where.node}
                  {where.port ? <span className="font-normal text-slate-500"> · {where.port}</span> : null}:
                </span>
              ) : null}
              <span className="text-slate-700">{diagnostic.message}</span>
            </span>
          </button>
        </li>
      );
    });
  }, [sorted, nodes, focusNode]);

  return (
    <section data-testid="problems-panel" className="border-t border-slate-200 bg-white text-sm">
      <button
        type="button"
        className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-slate-50"
        aria-expanded={open}
        data-testid="problems-toggle"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="text-xs text-slate-500">{open ? "▾" : "▸"}</span>
        <span className="font-medium">Problems</span>
        <span
          data-testid="problems-summary"
          className={`ml-auto text-xs ${hasErrors ? "text-rose-700" : sorted.length > 0 ? "text-amber-700" : "text-emerald-700"}`}
        >
          {problemSummary(sorted)}
        </span>
      </button>
      {open && sorted.length > 0 ? (
        <ul className="max-h-56 overflow-y-auto border-t border-slate-100">
          {rows}
        </ul>
      ) : null}
    </section>
  );
}
