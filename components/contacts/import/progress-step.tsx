"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";

// The running import: progress from its contact_imports row, then the rejected rows and their download.
export function ProgressStep({ importId }: { importId: string }) {
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.imports.get.queryOptions({ id: importId }),
    refetchInterval: (query) => (query.state.data && ["done", "failed"].includes(query.state.data.status) ? false : 1000),
  });
  const finished = job.data?.status === "done";
  const rejections = useQuery({ ...trpc.imports.rejections.queryOptions({ id: importId, limit: 50 }), enabled: finished });
  if (!job.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { total, processed, created, merged, rejected, status } = job.data;
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-5" data-testid="import-progress">
        <div className="mb-2 flex justify-between text-sm">
          <span data-testid="import-status" data-status={status} className="font-medium text-slate-800">
            {status === "done" ? "Import finished" : status === "failed" ? "Import failed" : status === "queued" ? "Waiting to start…" : "Importing…"}
          </span>
          <span className="tabular-nums text-slate-600" data-testid="import-processed">
            {processed.toLocaleString()} / {total.toLocaleString()} rows
          </span>
        </div>
        <div className="h-2 overflow-hidden rounded bg-slate-100">
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <dl className="mt-4 grid grid-cols-3 gap-4 text-sm">
          <Count label="New contacts" value={created} testId="import-created" />
          <Count label="Merged into existing" value={merged} testId="import-merged" />
          <Count label="Rejected rows" value={rejected} testId="import-rejected" />
        </dl>
        {job.data.error && <p className="mt-3 text-sm text-rose-700">{job.data.error}</p>}
      </div>
      {finished && rejected > 0 && (
        <div className="rounded-lg border border-rose-200 bg-white p-5">
          <div className="mb-3 flex items-center justify-between">
            <h2 className="text-sm font-semibold text-slate-800">Rejected rows</h2>
            <a href={`/api/imports/${importId}/rejected`} download data-testid="download-rejected" className="text-sm font-medium text-indigo-700 hover:underline">
              Download all as CSV
            </a>
          </div>
          <ul className="divide-y divide-slate-100 text-sm">
            {rejections.data?.map((row) => (
              <li key={row.line} data-testid="rejected-row" data-line={row.line} className="flex gap-3 py-2">
                <span className="w-16 shrink-0 tabular-nums text-slate-500">Line {row.line}</span>
                <span className="text-rose-800">{row.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value.toLocaleString()}
      </dd>
    </div>
  );
}
