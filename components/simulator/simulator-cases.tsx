"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";

// Saved conversations of this flow: save the current one, re-run any against the current draft and
// see which replies differ before publishing.
export function SimulatorCases({ flowId, simulationId }: { flowId: string; simulationId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cases = useQuery(trpc.simulator.cases.list.queryOptions({ flowId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.simulator.cases.list.queryKey({ flowId }) });
  const [name, setName] = useState("");
  const save = useMutation(trpc.simulator.cases.save.mutationOptions({ onSuccess: async () => { setName(""); await refresh(); } }));
  const run = useMutation(trpc.simulator.cases.run.mutationOptions());
  const remove = useMutation(trpc.simulator.cases.delete.mutationOptions({ onSuccess: refresh }));
  const report = run.data;

  return (
    <section data-testid="simulator-cases" className="space-y-3 border-t border-slate-100 p-3 text-xs">
      <h3 className="font-semibold text-slate-700">Test cases</h3>
      {simulationId && (
        <form
          className="flex gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) save.mutate({ simulationId, name: name.trim() });
          }}
        >
          <input aria-label="Test case name" data-testid="simulator-case-name" className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1" value={name} onChange={(event) => setName(event.target.value)} placeholder="Save this conversation as…" />
          <button type="submit" data-testid="simulator-case-save" className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-50" disabled={!name.trim() || save.isPending}>
            Save
          </button>
        </form>
      )}
      {save.error && <p role="alert" className="text-rose-700">{save.error.message}</p>}
      {cases.data?.length === 0 && <p className="text-slate-500">No test cases yet: save a simulator conversation.</p>}
      <ul className="space-y-1">
        {(cases.data ?? []).map((entry) => (
          <li key={entry.id} data-testid="simulator-case" className="flex items-center gap-2 rounded-md bg-slate-50 px-2 py-1">
            <span className="min-w-0 flex-1 truncate font-medium">{entry.name}</span>
            <span className="text-slate-500">{entry.input_count} inputs</span>
            <button type="button" data-testid="simulator-case-run" className="rounded bg-indigo-600 px-2 py-0.5 text-white disabled:opacity-50" disabled={run.isPending} onClick={() => run.mutate({ caseId: entry.id })}>
              Run
            </button>
            <button type="button" className="rounded px-1 text-rose-700 hover:bg-rose-50" onClick={() => remove.mutate({ caseId: entry.id })}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {run.error && <p role="alert" className="text-rose-700">{run.error.message}</p>}
      {report && (
        <div data-testid="simulator-case-report" data-passed={report.passed} className={`rounded-md p-2 ${report.passed ? "bg-emerald-50" : "bg-amber-50"}`}>
          <p className="font-semibold">{report.passed ? `“${report.name}”: every reply is the same` : `“${report.name}”: some replies differ`}</p>
          <ol className="mt-1 space-y-1">
            {report.steps.map((step, index) => (
              <li key={index} data-testid="simulator-case-step" data-same={step.same}>
                <span className={step.same ? "text-emerald-800" : "font-semibold text-amber-900"}>{step.same ? "✓" : "≠"} {step.label}</span>
                {!step.same && (
                  <div className="mt-0.5 grid grid-cols-2 gap-1">
                    <div><p className="text-slate-500">Expected</p>{step.expected.map((line, i) => <p key={i} data-testid="simulator-case-expected">{line}</p>)}</div>
                    <div><p className="text-slate-500">Now</p>{step.actual.map((line, i) => <p key={i} data-testid="simulator-case-actual">{line}</p>)}</div>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
