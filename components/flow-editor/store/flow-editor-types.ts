import type { Diagnostic, EditorDocument, KnownField, NodeKind } from "@/flows-runtime";

export type XY = { x: number; y: number };

export type SaveStatus =
  | { status: "saved" }
  | { status: "dirty" }
  | { status: "saving" }
  // Another tab or person saved a newer revision: the user must reload (never a silent overwrite).
  | { status: "conflict"; message: string }
  | { status: "error"; message: string };

export type Selection = { nodeIds: string[]; edgeIds: string[] };

// One store per open flow document. Every edit is an action that runs a pure document edit and pushes
// an undo entry; run-time state (simulator highlight, analytics) never lives here.
export type FlowEditorState = {
  flowId: string;
  document: EditorDocument;
  // `document` as of the last edit, without the positions of a drag still in progress (a drag moves
  // `document` every frame). For what only changes with an edit, not a move in progress: the inspector,
  // the problems list; so they are not drawn again on every drag frame.
  committed: EditorDocument;
  // The server revision `document` is based on; sent with every save.
  revision: number;
  readOnly: boolean;
  selection: Selection;
  past: EditorDocument[];
  future: EditorDocument[];
  // compile() of the current document, recomputed after every edit.
  diagnostics: Diagnostic[];
  // The hash of the graph the document compiles to (as publishing stores it; compile options do not
  // change it): the toolbar compares it with the published version's.
  draftHash: string;
  save: SaveStatus;
  // Compile options only the server knows (custom field keys, other flows for jumps).
  knownFields: readonly (string | KnownField)[] | undefined;
  knownFlowIds: readonly string[] | undefined;

  // The workspace's custom fields (with their types) and flows, once loaded: diagnostics then match
  // what publishing will say.
  setCompileContext: (context: { knownFields?: readonly (string | KnownField)[]; knownFlowIds?: readonly string[] }) => void;

  addNode: (kind: NodeKind, position: XY) => string;
  updateNodeData: (nodeId: string, data: unknown) => void;
  // While a drag is in progress pass commit=false (no undo entry); the final position commits.
  moveNodes: (moves: { id: string; position: XY }[], commit: boolean) => void;
  // Connecting a port that already has an edge replaces that edge (one target per port).
  connect: (source: string, sourcePort: string, target: string) => void;
  removeEdges: (edgeIds: string[]) => void;
  removeNodes: (nodeIds: string[]) => void;
  deleteSelection: () => void;
  duplicateSelection: () => void;
  // Clipboard JSON of the selected nodes and the edges between them.
  copySelection: () => string | null;
  // Pastes clipboard JSON with fresh ids, offset to `at` when given; returns the new node ids.
  paste: (clipboard: string, at?: XY) => string[];
  setSelection: (selection: Selection) => void;
  selectAll: () => void;
  undo: () => void;
  redo: () => void;
  autoLayout: () => Promise<void>;
  updateSettings: (patch: Partial<EditorDocument["settings"]>) => void;
  // Autosave bookkeeping.
  markSaving: () => void;
  markSaved: (revision: number, savedDocument: EditorDocument) => void;
  markConflict: (message: string) => void;
  markSaveError: (message: string) => void;
  // Replace everything (reload after a conflict, open another version read-only).
  reset: (init: { document: EditorDocument; revision: number; readOnly?: boolean }) => void;
};
