import { createStore, type StoreApi } from "zustand/vanilla";
import { compile, type EditorDocument, type KnownField } from "@/flows-runtime";
import { computeAutoLayout } from "./auto-layout";
import {
  addNode,
  clipboardOf,
  connectNodes,
  duplicateNodes,
  moveNodes,
  parseClipboard,
  pasteClipboard,
  removeEdges,
  removeNodes,
  sameValue,
  serialiseClipboard,
  updateNodeData,
  updateSettings,
} from "./document-edits";
import { freshId } from "./edits/fresh-id";
import type { FlowEditorState, SaveStatus, Selection } from "./flow-editor-types";

export type FlowEditorInit = {
  flowId: string;
  document: EditorDocument;
  revision: number;
  readOnly?: boolean;
  knownFields?: readonly (string | KnownField)[];
  knownFlowIds?: readonly string[];
  // Ids for new nodes; injected so tests are deterministic. Uniqueness in the document is checked anyway.
  newId?: () => string;
};

// Enough to undo a long session; older entries are dropped first.
export const UNDO_LIMIT = 200;

const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

// One store per open flow document (a factory, never a module singleton: two open flows, or a version
// opened read-only next to the draft, each get their own history).
export function createFlowEditorStore(init: FlowEditorInit): StoreApi<FlowEditorState> {
  const newId = init.newId ?? randomNodeId;
  // The document as it was when the current drag began; its commit makes a single undo entry from it.
  let dragStart: EditorDocument | null = null;

  return createStore<FlowEditorState>()((set, get) => {
    const diagnose = (document: EditorDocument) => {
      const { knownFields, knownFlowIds } = get();
      return compiled(document, { knownFields, knownFlowIds });
    };

    // Records `next` as a new step of history on top of `before`; false when nothing changed.
    const record = (next: EditorDocument, before: EditorDocument, selection?: Selection): boolean => {
      const state = get();
      dragStart = null;
      if (next === before) return false;
      set({
        document: next,
        committed: next,
        past: [...state.past, before].slice(-UNDO_LIMIT),
        future: [],
        ...diagnose(next),
        save: markedDirty(state.save),
        selection: selection ?? pruneSelection(state.selection, next),
      });
      return true;
    };

    const edit = (change: (document: EditorDocument) => EditorDocument): boolean => {
      const state = get();
      if (state.readOnly) return false;
      // An edit in the middle of a drag keeps the dragged positions as part of the document it builds on.
      const current = state.document;
      return record(change(current), current);
    };

    const travel = (from: "past" | "future") => {
      const state = get();
      if (state.readOnly) return;
      const stack = state[from];
      const target = stack[stack.length - 1];
      if (!target) return;
      // Undo during a drag abandons the drag, as if the node was dropped where it was picked up.
      const current = dragStart ?? state.document;
      dragStart = null;
      const to = from === "past" ? "future" : "past";
      set({
        document: target,
        committed: target,
        [from]: stack.slice(0, -1),
        [to]: [...state[to], current].slice(-UNDO_LIMIT),
        ...diagnose(target),
        save: markedDirty(state.save),
        selection: pruneSelection(state.selection, target),
      });
    };

    return {
      flowId: init.flowId,
      document: init.document,
      committed: init.document,
      revision: init.revision,
      readOnly: init.readOnly ?? false,
      selection: EMPTY_SELECTION,
      past: [],
      future: [],
      ...compiled(init.document, init),
      save: { status: "saved" },
      knownFields: init.knownFields,
      knownFlowIds: init.knownFlowIds,

      setCompileContext: (context) => {
        set({ ...context });
        set(diagnose(get().document));
      },

      addNode: (kind, position) => {
        const state = get();
        if (state.readOnly) return "";
        const taken = new Set([...Object.keys(state.document.nodes), ...state.document.edges.map((edge) => edge.id)]);
        const id = freshId(newId, taken);
        const next = addNode(state.document, { id, kind, position });
        return record(next, state.document, { nodeIds: [id], edgeIds: [] }) ? id : "";
      },
      updateNodeData: (nodeId, data) => void edit((document) => updateNodeData(document, { nodeId, data })),
      moveNodes: (moves, commit) => {
        const state = get();
        if (state.readOnly) return;
        const next = moveNodes(state.document, moves);
        if (!commit) {
          if (next === state.document) return;
          dragStart ??= state.document;
          // Positions do not change what compile() sees, and the commit marks the document dirty.
          set({ document: next });
          return;
        }
        const before = dragStart ?? state.document;
        if (sameValue(next, before)) {
          // Dropped where it was picked up: back to the very same document, no undo entry.
          dragStart = null;
          if (state.document !== before) set({ document: before, committed: before });
          return;
        }
        record(next, before);
      },
      connect: (source, sourcePort, target) => void edit((document) => connectNodes(document, { source, sourcePort, target })),
      removeEdges: (edgeIds) => void edit((document) => removeEdges(document, edgeIds)),
      removeNodes: (nodeIds) => void edit((document) => removeNodes(document, nodeIds)),
      deleteSelection: () => {
        const { selection } = get();
        edit((document) => removeNodes(removeEdges(document, selection.edgeIds), selection.nodeIds));
      },
      duplicateSelection: () => {
        const state = get();
        if (state.readOnly) return;
        const result = duplicateNodes(state.document, { nodeIds: state.selection.nodeIds, newId });
        record(result.document, state.document, { nodeIds: result.nodeIds, edgeIds: [] });
      },
      copySelection: () => {
        const state = get();
        const clipboard = clipboardOf(state.document, state.selection.nodeIds);
        return clipboard ? serialiseClipboard(clipboard) : null;
      },
      paste: (text, at) => {
        const state = get();
        if (state.readOnly) return [];
        const clipboard = parseClipboard(text);
        if (!clipboard) return [];
        const result = pasteClipboard(state.document, clipboard, { newId, ...(at ? { at } : {}) });
        return record(result.document, state.document, { nodeIds: result.nodeIds, edgeIds: [] }) ? result.nodeIds : [];
      },
      setSelection: (selection) => set({ selection: pruneSelection(selection, get().document) }),
      selectAll: () => {
        const { document } = get();
        set({ selection: { nodeIds: Object.keys(document.nodes), edgeIds: document.edges.map((edge) => edge.id) } });
      },
      undo: () => travel("past"),
      redo: () => travel("future"),
      autoLayout: async () => {
        if (get().readOnly) return;
        const positions = await computeAutoLayout(get().document);
        // Applied to the document as it is now (the marketer may have kept editing): one undo entry.
        edit((document) => moveNodes(document, Object.entries(positions).map(([id, position]) => ({ id, position }))));
      },
      updateSettings: (patch) => void edit((document) => updateSettings(document, patch)),

      markSaving: () => {
        if (get().save.status === "conflict") return;
        set({ save: { status: "saving" } });
      },
      markSaved: (revision, savedDocument) => {
        const state = get();
        if (state.save.status === "conflict") return;
        // The server is at `revision` either way, so the next save must be based on it; but edits made
        // while this save was in flight are not saved yet.
        set({ revision, save: state.document === savedDocument ? { status: "saved" } : { status: "dirty" } });
      },
      markConflict: (message) => set({ save: { status: "conflict", message } }),
      markSaveError: (message) => {
        if (get().save.status === "conflict") return;
        set({ save: { status: "error", message } });
      },
      reset: ({ document, revision, readOnly }) => {
        dragStart = null;
        set({
          document,
          committed: document,
          revision,
          readOnly: readOnly ?? get().readOnly,
          selection: EMPTY_SELECTION,
          past: [],
          future: [],
          ...diagnose(document),
          save: { status: "saved" },
        });
      },
    };
  });
}

// One compile per edit gives both the diagnostics and the graph hash (which positions do not change, so
// a drag needs neither until it commits). compile() costs ~20 ms at 500 nodes and ~45 ms at 2,000.
function compiled(document: EditorDocument, context: Pick<FlowEditorInit, "knownFields" | "knownFlowIds">): Pick<FlowEditorState, "diagnostics" | "draftHash"> {
  const { knownFields, knownFlowIds } = context;
  const result = compile(document, { ...(knownFields ? { knownFields } : {}), ...(knownFlowIds ? { knownFlowIds } : {}) });
  return { diagnostics: result.diagnostics, draftHash: result.hash };
}

// A conflict stays a conflict until the marketer reloads: edits made meanwhile cannot be saved.
function markedDirty(save: SaveStatus): SaveStatus {
  return save.status === "conflict" ? save : { status: "dirty" };
}

function pruneSelection(selection: Selection, document: EditorDocument): Selection {
  const nodeIds = selection.nodeIds.filter((id) => document.nodes[id]);
  const edges = new Set(document.edges.map((edge) => edge.id));
  const edgeIds = selection.edgeIds.filter((id) => edges.has(id));
  if (nodeIds.length === selection.nodeIds.length && edgeIds.length === selection.edgeIds.length) return selection;
  return { nodeIds, edgeIds };
}

// Short, URL- and diagnostic-friendly ids. getRandomValues works on plain-http hosts too, where
// crypto.randomUUID() does not.
function randomNodeId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return "n" + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}
