"use client";

import { useFlowEditor } from "../store/flow-editor-context";

// Where the draft stands: saved, saving, waiting to save, failed, or changed elsewhere (then the
// conflict banner offers the reload).
export function SaveStatusIndicator() {
  const save = useFlowEditor((state) => state.save);
  const view = {
    saved: { text: "Saved", dot: "bg-emerald-500", tone: "text-slate-500" },
    saving: { text: "Saving…", dot: "bg-sky-500 animate-pulse", tone: "text-slate-500" },
    dirty: { text: "Unsaved changes", dot: "bg-amber-400", tone: "text-slate-600" },
    error: { text: "Couldn't save", dot: "bg-rose-500", tone: "text-rose-700" },
    conflict: { text: "Changed elsewhere", dot: "bg-rose-500", tone: "text-rose-700" },
  }[save.status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium whitespace-nowrap ${view.tone}`}
      data-testid="save-status"
      data-status={save.status}
      role="status"
      title={"message" in save ? save.message : undefined}
    >
      <span className={`size-1.5 rounded-full ${view.dot}`} aria-hidden="true" />
      {view.text}
    </span>
  );
}

export function ConflictBanner({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const save = useFlowEditor((state) => state.save);
  if (save.status !== "conflict") return null;
  return (
    <div role="alert" className="flex items-center gap-3 border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-900" data-testid="conflict-banner">
      <p className="min-w-0 flex-1">{save.message}</p>
      <button
        type="button"
        onClick={onReload}
        disabled={reloading}
        className="shrink-0 rounded-md bg-rose-600 px-3 py-1 text-xs font-semibold text-white hover:bg-rose-700 disabled:opacity-60"
        data-testid="reload-button"
      >
        {reloading ? "Reloading…" : "Reload"}
      </button>
    </div>
  );
}
