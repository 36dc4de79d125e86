"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { useInvalidateFlow } from "./use-invalidate-flow";
import { useVersionViewStatus, useViewedVersion, useViewVersion } from "./version-view";

// Every published version, newest first: view one read-only on the canvas, or publish it again.
export function VersionHistory({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.flows.versions.queryOptions({ id: flowId }));
  const viewed = useViewedVersion();
  const view = useViewVersion();
  const { loadingId, error: viewError } = useVersionViewStatus();
  const invalidate = useInvalidateFlow(flowId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const rollback = useMutation(
    trpc.flows.rollback.mutationOptions({
      onSuccess: async (version) => {
        setResult(`v${version.rolledBackFrom ?? "?"} is live again, as v${version.version}.`);
        setConfirming(null);
        await invalidate();
      },
      onError: (error) => setResult(`Could not roll back: ${error.message}`),
    }),
  );

  return (
    <section data-testid="version-history" className="space-y-2 p-3 text-sm">
      <h3 className="font-semibold">Version history</h3>
      {result ? (
        <p role="status" data-testid="rollback-result" className="text-xs text-slate-600">
          {result}
        </p>
      ) : null}
      {viewError ? (
        <p role="alert" className="text-xs text-rose-700">
          {viewError}
        </p>
      ) : null}
      {versions.isPending ? <p className="text-slate-500">Loading versions…</p> : null}
      {versions.isError ? <p className="text-rose-700">Could not load versions: {versions.error.message}</p> : null}
      {versions.data?.length === 0 ? <p className="text-slate-500">Not published yet. Publish to create version 1.</p> : null}
      <ol className="divide-y divide-slate-100 rounded border border-slate-200">
        {versions.data?.map((version) => {
          const isViewed = viewed?.versionId === version.id;
          return (
            <li key={version.id} data-testid="version-row" data-version={version.version} className={`space-y-1 px-3 py-2 ${isViewed ? "bg-amber-50" : ""}`}>
              <div className="flex items-center gap-2">
                <span className="font-medium">v{version.version}</span>
                {version.live ? <span data-testid="version-live" className="rounded bg-emerald-100 px-1.5 text-[11px] font-medium text-emerald-800">Live</span> : null}
                <span className="ml-auto font-mono text-[11px] text-slate-400" title={version.hash}>
                  {version.hash.slice(0, 8)}
                </span>
              </div>
              <p className="text-xs text-slate-500">
                {new Date(version.publishedAt).toLocaleString()} · {version.publishedBy ?? "unknown"}
              </p>
              {confirming === version.id ? (
                <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs">
                  <p>Publish v{version.version} again? Contacts starting the flow from now on get it; your draft is not changed.</p>
                  <div className="flex gap-2">
                    <button
                      type="button"
                      data-testid="rollback-confirm"
                      disabled={rollback.isPending}
                      className="rounded bg-amber-600 px-2 py-0.5 text-white hover:bg-amber-700 disabled:opacity-50"
                      onClick={() => rollback.mutate({ id: flowId, versionId: version.id })}
                    >
                      {rollback.isPending ? "Rolling back…" : `Roll back to v${version.version}`}
                    </button>
                    <button type="button" className="rounded border border-slate-300 bg-white px-2 py-0.5" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex gap-2">
                  <button
                    type="button"
                    data-testid="view-version-button"
                    disabled={loadingId !== null}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-50"
                    onClick={() => void view(isViewed ? null : version.id)}
                  >
                    {loadingId === version.id ? "Opening…" : isViewed ? "Back to draft" : "View"}
                  </button>
                  {!version.live ? (
                    <button
                      type="button"
                      data-testid="rollback-button"
                      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                      onClick={() => {
                        setResult(null);
                        setConfirming(version.id);
                      }}
                    >
                      Roll back to this version
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
