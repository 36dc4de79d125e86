"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useEffect } from "react";
import { SIMULATOR_DRAWER_WIDTH, useSimulatorHighlightStore } from "@/components/simulator/simulator-highlight";

const MARGIN = 48;

// While the simulator runs, the canvas keeps the step the test contact is at in view, as Typebot's
// preview does: moved only when the step is off screen or under the drawer, so a step already in view
// never shifts the canvas under the marketer's eyes; the zoom is theirs. A jump, not an animation: the
// lit step is on screen with the reply. The drawer's Follow switch turns it off.
export function useFollowSimulation() {
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  useEffect(
    () =>
      useSimulatorHighlightStore.subscribe((highlight, previous) => {
        if (!highlight.follow || !highlight.activeNodeId) return;
        if (highlight.activeNodeId === previous.activeNodeId && highlight.follow === previous.follow) return;
        const { nodeLookup, width, height, transform } = flow.getState();
        const node = nodeLookup.get(highlight.activeNodeId);
        if (!node || width === 0) return;
        const [x, y, zoom] = transform;
        const { x: left, y: top } = node.internals.positionAbsolute;
        const nodeWidth = node.measured.width ?? node.width ?? 0;
        const nodeHeight = node.measured.height ?? node.height ?? 0;
        const visibleWidth = Math.max(width - Math.min(SIMULATOR_DRAWER_WIDTH, width / 2), 0);
        const screen = { left: left * zoom + x, top: top * zoom + y, right: (left + nodeWidth) * zoom + x, bottom: (top + nodeHeight) * zoom + y };
        const inView = screen.left >= MARGIN && screen.top >= MARGIN && screen.right <= visibleWidth - MARGIN && screen.bottom <= height - MARGIN;
        if (inView) return;
        void setViewport({
          x: visibleWidth / 2 - (left + nodeWidth / 2) * zoom,
          y: height / 2 - (top + nodeHeight / 2) * zoom,
          zoom,
        });
      }),
    [flow, setViewport],
  );
}
