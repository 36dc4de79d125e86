"use client";

import { useState } from "react";
import { primaryButton } from "./buttons";
import { FlowList } from "./flow-list";
import { ImportFlowButton } from "./import-flow-button";
import { ImportOutcomeNotice } from "./import-outcome";
import { ModalDialog } from "./modal-dialog";
import { NewFlowDialogBody } from "./new-flow-dialog";
import { useFlowList } from "./use-flow-list";
import { useImportFlow } from "./use-import-flow";

export function FlowsPage() {
  const [creating, setCreating] = useState(false);
  const { refresh } = useFlowList();
  const importer = useImportFlow(refresh);

  return (
    <section className="mx-auto max-w-6xl px-8 py-8">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Flows</h1>
          <p className="mt-1 text-sm text-slate-600">Conversations that run by themselves on your channels. Edit a draft, then publish it to go live.</p>
        </div>
        <div className="flex items-center gap-2">
          <ImportFlowButton pending={importer.pending} onFile={importer.importFile} />
          <button type="button" data-testid="new-flow-button" className={primaryButton} onClick={() => setCreating(true)}>
            <span aria-hidden>+</span> New flow
          </button>
        </div>
      </header>
      {importer.outcome && <ImportOutcomeNotice outcome={importer.outcome} onDismiss={importer.dismiss} />}
      <FlowList onCreate={() => setCreating(true)} />
      <ModalDialog
        open={creating}
        onClose={() => setCreating(false)}
        size="xl"
        testId="new-flow-dialog"
        title="New flow"
        description="Start from a blank canvas or a starter template. You can change everything later."
      >
        <NewFlowDialogBody onCancel={() => setCreating(false)} />
      </ModalDialog>
    </section>
  );
}
