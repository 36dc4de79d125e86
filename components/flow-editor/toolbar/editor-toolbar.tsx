"use client";

import { useReactFlow } from "@xyflow/react";
import Link from "next/link";
import type { ReactNode } from "react";
import { isMacPlatform } from "../canvas/shortcut-list";
import { FIT_VIEW_OPTIONS } from "../canvas/use-editor-shortcuts";
import { useFlowEditor } from "../store/flow-editor-context";
import { PublishButton } from "../versions/publish-button";
import { FlowNameField } from "./flow-name-field";
import { SaveStatusIndicator } from "./save-status";
import { ShortcutsHelp } from "./shortcuts-help";

export function EditorToolbar({
  flowId,
  helpOpen,
  onHelpOpenChange,
  onToggleSimulator,
}: {
  flowId: string;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
  onToggleSimulator: () => void;
}) {
  const { canUndo, canRedo, readOnly, undo, redo, autoLayout } = useFlowEditor((state) => ({
    canUndo: !state.readOnly && state.past.length > 0,
    canRedo: !state.readOnly && state.future.length > 0,
    readOnly: state.readOnly,
    undo: state.undo,
    redo: state.redo,
    autoLayout: state.autoLayout,
  }));
  const { fitView } = useReactFlow();
  // Rendered only in the browser (the flow loads client-side), so reading the platform is safe here.
  const mod = isMacPlatform() ? "⌘" : "Ctrl+";

  const layout = async () => {
    await autoLayout();
    requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
  };

  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3" data-testid="editor-toolbar">
      <Link href="/flows" className="flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="back-to-flows">
        <Glyph d="m15 18-6-6 6-6" />
        Flows
      </Link>
      <span className="h-5 w-px bg-slate-200" aria-hidden="true" />
      <FlowNameField />
      <SaveStatusIndicator />
      {readOnly && <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Read only</span>}

      <div className="ml-auto flex items-center gap-1">
        <ToolbarButton label="Undo" shortcut={`${mod}Z`} onClick={undo} disabled={!canUndo} testId="undo-button">
          <Glyph d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        </ToolbarButton>
        <ToolbarButton label="Redo" shortcut={`${mod}Shift+Z`} onClick={redo} disabled={!canRedo} testId="redo-button">
          <Glyph d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
        </ToolbarButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <ToolbarButton label="Auto-layout" shortcut="Shift+L" onClick={() => void layout()} disabled={readOnly} testId="auto-layout-button">
          <Glyph d="M3 5h6v5H3zM15 3h6v5h-6zM15 16h6v5h-6zM9 7.5h3v11h3M12 5.5h3" />
        </ToolbarButton>
        <ToolbarButton label="Zoom to fit" shortcut="Shift+F" onClick={() => void fitView(FIT_VIEW_OPTIONS)} testId="fit-view-button">
          <Glyph d="M3 8V3h5M21 8V3h-5M3 16v5h5M21 16v5h-5" />
        </ToolbarButton>
        <ShortcutsHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <button
          type="button"
          data-testid="open-simulator"
          onClick={onToggleSimulator}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-emerald-700 ring-1 ring-emerald-300 hover:bg-emerald-50"
        >
          Preview
        </button>
        <PublishButton flowId={flowId} />
      </div>
    </header>
  );
}

function ToolbarButton({
  label,
  shortcut,
  onClick,
  disabled,
  testId,
  children,
}: {
  label: string;
  shortcut: string;
  onClick: () => void;
  disabled?: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={`${label} (${shortcut})`}
      onClick={onClick}
      disabled={disabled}
      className="grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300 disabled:hover:bg-transparent"
      data-testid={testId}
    >
      {children}
    </button>
  );
}

function Glyph({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
