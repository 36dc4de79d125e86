"use client";

import { getViewportForBounds, useReactFlow, useStore, useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";

// Below this zoom node text is too small to read.
const READABLE_ZOOM = 0.7;
const MARGIN = 40;

// Opens the flow so the marketer can read it: the whole flow when it fits at a readable zoom, else its
// beginning (the left edge, where triggers sit) at a readable zoom, rather than a tiny unreadable overview.
export function useInitialViewport() {
  const flow = useStoreApi();
  const { setViewport, getNodesBounds } = useReactFlow();
  // Not nodesInitialized: with estimated sizes (unmeasured-node.ts) it holds from the first render, maybe
  // before the pane has a size. The estimates are good enough to frame the flow before anything is drawn.
  const initialised = useStore((state) => state.width > 0 && state.height > 0 && state.nodeLookup.size > 0);
  const done = useRef(false);

  useEffect(() => {
    if (done.current || !initialised) return;
    done.current = true;
    const { nodeLookup, width, height } = flow.getState();
    const nodes = [...nodeLookup.keys()];
    if (nodes.length === 0 || width === 0 || height === 0) return;
    const bounds = getNodesBounds(nodes);
    const fit = getViewportForBounds(bounds, width, height, 0.1, 1, 0.15);
    if (fit.zoom >= READABLE_ZOOM) {
      void setViewport(fit);
      return;
    }
    const zoom = READABLE_ZOOM;
    const tall = bounds.height * zoom > height - 2 * MARGIN;
    void setViewport({
      zoom,
      x: MARGIN - bounds.x * zoom,
      y: tall ? MARGIN - bounds.y * zoom : height / 2 - (bounds.y + bounds.height / 2) * zoom,
    });
  }, [initialised, flow, setViewport, getNodesBounds]);
}
