"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { FlowEditorState } from "./flow-editor-types";

const FlowEditorContext = createContext<StoreApi<FlowEditorState> | null>(null);

// Makes one open document's store available to the canvas, inspector, palette and panels below it.
export function FlowEditorProvider({ store, children }: { store: StoreApi<FlowEditorState>; children: ReactNode }) {
  return <FlowEditorContext.Provider value={store}>{children}</FlowEditorContext.Provider>;
}

// Reads a slice of the editor state; re-renders only when the slice changes. Compared shallowly, so a
// selector may return a fresh object or array of store values (`s => ({ undo: s.undo, canUndo: s.past.length > 0 })`).
export function useFlowEditor<T>(selector: (state: FlowEditorState) => T): T {
  return useStore(useFlowEditorStore(), useShallow(selector));
}

// The store itself, for event handlers that read state imperatively (`store.getState().copySelection()`).
export function useFlowEditorStore(): StoreApi<FlowEditorState> {
  const store = useContext(FlowEditorContext);
  if (!store) throw new Error("useFlowEditor must be used inside <FlowEditorProvider>.");
  return store;
}
