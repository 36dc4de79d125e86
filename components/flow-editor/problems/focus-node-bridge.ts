import type { StoreApi } from "zustand";
import type { FlowEditorState } from "../store/flow-editor-types";

// Components outside <ReactFlowProvider> (the publish dialog in a toolbar) cannot call useReactFlow().
// The problems panel, which is inside it, registers its "select and centre" here for them.
const focusers = new WeakMap<StoreApi<FlowEditorState>, (nodeId: string) => void>();

export function registerFocusNode(store: StoreApi<FlowEditorState>, focus: (nodeId: string) => void): () => void {
  focusers.set(store, focus);
  return () => {
    if (focusers.get(store) === focus) focusers.delete(store);
  };
}

// Selects the node, and centres it when a canvas is there to do it.
export function focusNode(store: StoreApi<FlowEditorState>, nodeId: string): void {
  const focus = focusers.get(store);
  if (focus) focus(nodeId);
  else store.getState().setSelection({ nodeIds: [nodeId], edgeIds: [] });
}
