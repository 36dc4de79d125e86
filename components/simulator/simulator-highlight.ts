import { create } from "zustand";

// What the simulator shows on the canvas: the node the test contact is at and the path it took, and
// whether the canvas follows the contact. Kept apart from the editor store's `nodes` (DESIGN.md §4): a
// highlight change re-renders only the nodes whose own highlight changed.
type SimulatorHighlight = {
  activeNodeId: string | null;
  path: ReadonlySet<string>;
  follow: boolean;
  set: (activeNodeId: string | null, path: readonly string[]) => void;
  setFollow: (follow: boolean) => void;
};

export const useSimulatorHighlightStore = create<SimulatorHighlight>((set) => ({
  activeNodeId: null,
  path: new Set(),
  follow: true,
  set: (activeNodeId, path) => set({ activeNodeId, path: new Set(path) }),
  setFollow: (follow) => set({ follow }),
}));

export function useSimulatorHighlight(nodeId: string): "active" | "visited" | null {
  return useSimulatorHighlightStore((state) => (state.activeNodeId === nodeId ? "active" : state.path.has(nodeId) ? "visited" : null));
}

// The drawer covers the canvas's right side: following keeps the lit step left of it.
export const SIMULATOR_DRAWER_WIDTH = 440;
