"use client";

import { useEffect, useRef } from "react";
import type { Diagnostic } from "@/flows-runtime";
import { describeProblem } from "../problems/describe-problem";
import { focusNode } from "../problems/focus-node-bridge";
import { SeverityIcon } from "../problems/severity-icon";
import { useFlowEditor, useFlowEditorStore } from "../store/flow-editor-context";

// The server refused to publish: list what blocks it; each problem jumps to its node.
export function PublishErrorsDialog({ message, diagnostics, onClose }: { message: string; diagnostics: Diagnostic[]; onClose: () => void }) {
  const store = useFlowEditorStore();
  const nodes = useFlowEditor((state) => state.document.nodes);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} data-testid="publish-errors" onClose={onClose} className="m-auto w-[32rem] max-w-[90vw] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/30">
      <div className="space-y-3 p-4">
        <h2 className="font-semibold text-slate-900">Cannot publish yet</h2>
        <p className="text-sm text-slate-700">{message}</p>
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
          {diagnostics.map((diagnostic, index) => {
            const where = describeProblem(diagnostic, nodes);
            return (
              <li key={index}>
                <button
                  type="button"
                  data-testid="publish-error-item"
                  className="flex w-full items-start gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50"
                  onClick={() => {
                    if (diagnostic.nodeId) focusNode(store, diagnostic.nodeId);
                    dialog.current?.close();
                  }}
                >
                  <SeverityIcon severity={diagnostic.severity} />
                  <span>
                    {where.node ? <span className="mr-1 font-medium">{where.node}{where.port ? ` · ${where.port}` : ""}:</span> : null}
                    {diagnostic.message}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <div className="text-right">
          <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
