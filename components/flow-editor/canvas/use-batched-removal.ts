"use client";

import { useCallback, useRef } from "react";
import type { StoreApi } from "zustand";
import type { FlowEditorState } from "../store/flow-editor-types";

type Pending = { nodes: string[]; edges: string[] };

// React Flow reports one delete as edge removals and then node removals; collecting both for a
// microtask turns them into one store edit, so one Ctrl+Z brings back the nodes with their edges.
export function useBatchedRemoval(store: StoreApi<FlowEditorState>): (what: keyof Pending, ids: string[]) => void {
  const pending = useRef<Pending | null>(null);
  return useCallback(
    (what, ids) => {
      if (!pending.current) {
        pending.current = { nodes: [], edges: [] };
        queueMicrotask(() => {
          const batch = pending.current;
          pending.current = null;
          if (batch) flush(store.getState(), batch);
        });
      }
      pending.current[what].push(...ids);
    },
    [store],
  );
}

function flush(state: FlowEditorState, batch: Pending) {
  const removing = new Set(batch.nodes);
  const wanted = new Set(batch.edges);
  // Edges of removed nodes go with them; only the others are a separate removal.
  const looseEdges = state.document.edges
    .filter((edge) => wanted.has(edge.id) && !removing.has(edge.source) && !removing.has(edge.target))
    .map((edge) => edge.id);
  if (batch.nodes.length > 0 && looseEdges.length > 0) state.deleteSelection();
  else if (batch.nodes.length > 0) state.removeNodes(batch.nodes);
  else if (looseEdges.length > 0) state.removeEdges(looseEdges);
}
