"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useFlowEditorStore } from "../store/flow-editor-context";

// Selects a node and centres the canvas on it. Must run inside <ReactFlowProvider>.
export function useFocusNode(): (nodeId: string) => void {
  const store = useFlowEditorStore();
  const { setCenter } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const node = store.getState().document.nodes[nodeId];
      if (!node) return;
      store.getState().setSelection({ nodeIds: [nodeId], edgeIds: [] });
      // Positions are the node's top-left; +120 / +60 is roughly the middle of a canvas node.
      void setCenter(node.position.x + 120, node.position.y + 60, { zoom: 1, duration: 300 });
    },
    [store, setCenter],
  );
}
