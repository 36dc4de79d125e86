"use client";

import { useCallback, useEffect, useRef } from "react";
import type { StoreApi } from "zustand/vanilla";
import { AutosaveQueue, hasUnsavedChanges, type SaveDocument } from "./autosave-queue";
import type { FlowEditorState } from "./flow-editor-types";

// Saves the editor's document through `save` (e.g. the flows.save mutation) once edits pause. Returns
// `flush` so publishing can save pending edits first. Warns before leaving the page with unsaved edits.
export function useAutosave(
  store: StoreApi<FlowEditorState>,
  save: SaveDocument,
  options?: { delayMs?: number },
): { flush: () => Promise<void> } {
  // The latest save function without restarting the queue when its identity changes between renders.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const queueRef = useRef<AutosaveQueue | null>(null);
  const delayMs = options?.delayMs;

  useEffect(() => {
    const queue = new AutosaveQueue(store, (document, baseRevision) => saveRef.current(document, baseRevision), {
      ...(delayMs !== undefined ? { delayMs } : {}),
    });
    queueRef.current = queue;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.document !== previous.document) queue.schedule();
    });
    queue.schedule();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges(store.getState().save)) return;
      void queue.flush();
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      unsubscribe();
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the editor inside the app: save what the debounce was still holding.
      void queue.flush();
      queue.dispose();
      if (queueRef.current === queue) queueRef.current = null;
    };
  }, [store, delayMs]);

  const flush = useCallback(() => queueRef.current?.flush() ?? Promise.resolve(), []);
  return { flush };
}
