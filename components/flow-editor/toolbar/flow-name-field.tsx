"use client";

import { useState } from "react";
import { useFlowEditor } from "../store/flow-editor-context";

// The flow's name, renamed in place: click, type, Enter (Escape cancels). Saved with the document.
export function FlowNameField() {
  const { name, readOnly, updateSettings } = useFlowEditor((state) => ({
    name: state.document.settings.name,
    readOnly: state.readOnly,
    updateSettings: state.updateSettings,
  }));
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    const next = draft?.trim();
    setDraft(null);
    if (next && next !== name) updateSettings({ name: next });
  };

  if (draft !== null) {
    return (
      <input
        autoFocus
        value={draft}
        maxLength={120}
        aria-label="Flow name"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(null);
        }}
        onFocus={(event) => event.target.select()}
        className="w-64 rounded-md border border-indigo-400 px-2 py-1 text-sm font-semibold text-slate-900 ring-2 ring-indigo-500/20 outline-none"
        data-testid="flow-name-input"
      />
    );
  }
  return (
    <button
      type="button"
      disabled={readOnly}
      onClick={() => setDraft(name)}
      title={readOnly ? name : "Rename"}
      className="max-w-64 truncate rounded-md border border-transparent px-2 py-1 text-left text-sm font-semibold text-slate-900 hover:border-slate-200 hover:bg-slate-50 disabled:hover:border-transparent disabled:hover:bg-transparent"
      data-testid="flow-name"
    >
      {name}
    </button>
  );
}
