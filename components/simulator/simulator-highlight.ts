import { create } from "zustand";

// What the simulator shows on the canvas: the node the test contact is at and the path it took.
// Kept apart from the editor store's `nodes` (DESIGN.md §4): a highlight change re-renders only the
// nodes whose own highlight changed.
type SimulatorHighlight = { activeNodeId: string | null; path: ReadonlySet<string>; set: (activeNodeId: string | null, path: readonly string[]) => void };

export const useSimulatorHighlightStore = create<SimulatorHighlight>((set) => ({
  activeNodeId: null,
  path: new Set(),
  set: (activeNodeId, path) => set({ activeNodeId, path: new Set(path) }),
}));

export function useSimulatorHighlight(nodeId: string): "active" | "visited" | null {
  return useSimulatorHighlightStore((state) => (state.activeNodeId === nodeId ? "active" : state.path.has(nodeId) ? "visited" : null));
}
