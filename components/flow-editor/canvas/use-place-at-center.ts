"use client";

import { useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import { FLOW_NODE_WIDTH } from "../nodes/flow-node";
import { useFlowEditorStore } from "../store/flow-editor-context";
import type { XY } from "../store/flow-editor-types";

export const GRID = 16;
const NUDGE = 32;

// Where a new node's top-left goes so the node lands in the middle of what the marketer is looking at;
// moved down-right past nodes already there, so clicking "Message" three times gives three visible nodes.
export function usePlaceAtCenter(): () => XY {
  const flow = useStoreApi();
  const editor = useFlowEditorStore();
  return useCallback(() => {
    const { width, height, transform } = flow.getState();
    const [x, y, zoom] = transform;
    let spot = {
      x: snap((width / 2 - x) / zoom - FLOW_NODE_WIDTH / 2),
      y: snap((height / 2 - y) / zoom - 48),
    };
    const taken = Object.values(editor.getState().document.nodes).map((node) => node.position);
    for (let tries = 0; tries < 50 && taken.some((p) => Math.abs(p.x - spot.x) < NUDGE / 2 && Math.abs(p.y - spot.y) < NUDGE / 2); tries++) {
      spot = { x: spot.x + NUDGE, y: spot.y + NUDGE };
    }
    return spot;
  }, [flow, editor]);
}

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}
