"use client";

import { useState } from "react";
import type { EntryPointView } from "@/server/entry-points/list-entry-points";

// One entry point: its link with a copy button, the QR code (PNG and SVG downloads) and what it brought.
export function EntryPointCard({ entryPoint, onDelete }: { entryPoint: EntryPointView; onDelete: () => void }) {
  const [copied, setCopied] = useState(false);
  const link = entryPoint.link;
  return (
    <li data-testid="entry-point" data-entry-point-id={entryPoint.id} className="flex gap-5 rounded-lg border border-slate-200 bg-white p-5">
      {link.ok ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/api/entry-points/${entryPoint.id}/qr.svg`} alt={`QR code for ${entryPoint.name}`} className="h-32 w-32 shrink-0 rounded border border-slate-100" />
      ) : (
        <div className="flex h-32 w-32 shrink-0 items-center justify-center rounded bg-slate-50 text-center text-xs text-slate-400">No QR code</div>
      )}
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h3 className="font-semibold text-slate-900" data-testid="entry-point-name-label">
              {entryPoint.name}
            </h3>
            <p className="text-xs text-slate-500">
              ref <code className="rounded bg-slate-100 px-1">{entryPoint.ref}</code> · {entryPoint.channelName}
              {entryPoint.flowName ? ` · opens “${entryPoint.flowName}”` : ""}
            </p>
          </div>
          <button type="button" className="text-xs text-slate-500 hover:text-rose-700" onClick={onDelete}>
            Delete
          </button>
        </div>
        {link.ok ? (
          <>
            <div className="flex items-center gap-2">
              <code data-testid="entry-point-link" className="min-w-0 flex-1 truncate rounded bg-slate-50 px-2 py-1 text-xs text-slate-800" title={link.url}>
                {link.url}
              </code>
              <button
                type="button"
                data-testid="copy-link-button"
                className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
                onClick={() => {
                  void navigator.clipboard?.writeText(link.url).then(() => setCopied(true));
                }}
              >
                {copied ? "Copied" : "Copy link"}
              </button>
            </div>
            {link.note && <p className="text-xs text-amber-800">{link.note}</p>}
            <div className="flex gap-3 text-xs">
              <a data-testid="download-qr-png" href={`/api/entry-points/${entryPoint.id}/qr.png`} download className="font-medium text-indigo-700 hover:underline">
                Download QR (PNG)
              </a>
              <a data-testid="download-qr-svg" href={`/api/entry-points/${entryPoint.id}/qr.svg`} download className="font-medium text-indigo-700 hover:underline">
                Download QR (SVG)
              </a>
            </div>
          </>
        ) : (
          <p className="text-sm text-rose-800">{link.error}</p>
        )}
        <dl className="flex gap-6 pt-1 text-sm" data-testid="entry-point-stats">
          <Stat label="Contacts" value={entryPoint.stats.contacts} />
          <Stat label="Conversations" value={entryPoint.stats.conversations} />
          <Stat label="Reached the end of the flow" value={entryPoint.stats.completed} />
        </dl>
      </div>
    </li>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-semibold tabular-nums text-slate-900">{value.toLocaleString()}</dd>
    </div>
  );
}
