"use client";

import Link from "next/link";
import type { ImportOutcome } from "./use-import-flow";

// What came of the last import: what is wrong with the file (nothing was created), or the new flow.
export function ImportOutcomeNotice({ outcome, onDismiss }: { outcome: ImportOutcome; onDismiss: () => void }) {
  if (outcome.kind === "error") {
    return (
      <div role="alert" data-testid="import-error" className="mb-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-900 ring-1 ring-rose-200">
        <div className="flex items-start justify-between gap-4">
          <p>
            <span className="font-semibold">Could not import {outcome.fileName}.</span> {outcome.headline}
          </p>
          <DismissButton onClick={onDismiss} />
        </div>
        {outcome.details.length > 0 && (
          <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs text-rose-800">
            {outcome.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-rose-700">Nothing was created.</p>
      </div>
    );
  }
  return (
    <div role="status" data-testid="import-success" className="mb-4 flex items-start justify-between gap-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
      <p>
        Imported <span className="font-semibold">{outcome.name}</span> from {outcome.fileName} as a draft.{" "}
        <Link href={`/flows/${outcome.id}`} className="font-medium underline">
          Open it
        </Link>
      </p>
      <DismissButton onClick={onDismiss} />
    </div>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="shrink-0 text-xs font-medium underline opacity-80 hover:opacity-100">
      Dismiss
    </button>
  );
}
