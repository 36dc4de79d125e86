"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/flows/buttons";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { MappingStep, type MappingState } from "./mapping-step";
import { ProgressStep } from "./progress-step";
import { UploadStep } from "./upload-step";

// Upload → map columns and preview → import with progress → rejected rows.
export function ImportWizard() {
  const trpc = useTRPC();
  const [importId, setImportId] = useState<string | null>(null);
  const [state, setState] = useState<MappingState | null>(null);
  const [started, setStarted] = useState(false);
  const record = useQuery({ ...trpc.imports.get.queryOptions({ id: importId ?? "00000000-0000-0000-0000-000000000000" }), enabled: importId !== null && !started });
  const start = useMutation(trpc.imports.start.mutationOptions({ onSuccess: () => setStarted(true) }));

  const current = state ?? (record.data ? { mapping: record.data.suggestedMapping, defaultCountry: "JP", policy: "fill_empty" as const } : null);

  return (
    <section className="mx-auto max-w-5xl px-8 py-8">
      <header className="mb-6">
        <Link href="/contacts" className="text-sm text-indigo-700 hover:underline">
          ← Contacts
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Import contacts from CSV</h1>
      </header>
      {!importId && (
        <UploadStep
          onUploaded={(uploaded) => {
            setImportId(uploaded.importId);
            setState(null);
          }}
        />
      )}
      {importId && !started && record.data && current && (
        <div className="space-y-6">
          <p className="text-sm text-slate-600" data-testid="import-file-summary">
            {record.data.fileName}: {record.data.total.toLocaleString()} rows, {record.data.headers.length} columns.
          </p>
          <MappingStep importId={importId} headers={record.data.headers} fields={record.data.fields} state={current} onChange={setState} />
          {start.error && (
            <p role="alert" data-testid="start-import-error" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {start.error.message}
            </p>
          )}
          <div className="flex gap-3">
            <button type="button" data-testid="start-import-button" className={primaryButton} disabled={start.isPending} onClick={() => start.mutate({ id: importId, settings: current })}>
              Import {record.data.total.toLocaleString()} rows
            </button>
            <button type="button" className={secondaryButton} onClick={() => setImportId(null)}>
              Choose another file
            </button>
          </div>
        </div>
      )}
      {importId && started && <ProgressStep importId={importId} />}
    </section>
  );
}
