"use client";

import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useFlowEditorStore } from "../store/flow-editor-context";
import { readClipboard, writeClipboard } from "./editor-clipboard";
import { usePlaceAtCenter } from "./use-place-at-center";

export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1, duration: 300 };

// The canvas's keyboard shortcuts (listed in shortcut-list.ts). Keys typed into a field belong to the
// field: its own undo and select-all win there.
export function useEditorShortcuts({ onToggleHelp }: { onToggleHelp: () => void }) {
  const store = useFlowEditorStore();
  const { fitView } = useReactFlow();
  const placeAtCenter = usePlaceAtCenter();
  const toggleHelp = useRef(onToggleHelp);
  useEffect(() => {
    toggleHelp.current = onToggleHelp;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isEditable(event.target)) return;
      const state = store.getState();
      const key = event.key.toLowerCase();
      const mod = event.metaKey || event.ctrlKey;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };

      if (mod && !event.altKey) {
        if (key === "z") return run(event.shiftKey ? state.redo : state.undo);
        if (key === "y") return run(state.redo);
        if (key === "a") return run(state.selectAll);
        if (key === "d") return run(state.duplicateSelection);
        if (key === "c" || key === "x") {
          // Text selected on the page (a node's message) copies as text, as everywhere else.
          if (hasTextSelection()) return;
          const json = state.copySelection();
          if (!json) return;
          return run(() => {
            void writeClipboard(json);
            if (key === "x") state.deleteSelection();
          });
        }
        if (key === "v") {
          return run(() => {
            void readClipboard().then((text) => {
              if (text) store.getState().paste(text, placeAtCenter());
            });
          });
        }
        return;
      }
      if (event.altKey || event.metaKey || event.ctrlKey) return;
      if (event.key === "?") return run(() => toggleHelp.current());
      if (event.shiftKey && key === "l") {
        return run(() => {
          void state.autoLayout().then(() => requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS)));
        });
      }
      if (event.shiftKey && key === "f") return run(() => void fitView(FIT_VIEW_OPTIONS));
      if (event.key === "Escape" && (state.selection.nodeIds.length > 0 || state.selection.edgeIds.length > 0)) {
        state.setSelection({ nodeIds: [], edgeIds: [] });
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store, fitView, placeAtCenter]);
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "number", "password", "tel", "url", "date", "time", "datetime-local", "month", "week"]);

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}
