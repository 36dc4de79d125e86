// The pure edits the flow editor store is made of: `(document, args) => document`, never mutating the
// input and returning the same object when nothing changed (so the store adds no undo entry).
export { addNode } from "./edits/add-node";
export { updateNodeData } from "./edits/update-node-data";
export { moveNodes } from "./edits/move-nodes";
export { connectNodes } from "./edits/connect-nodes";
export { removeEdges } from "./edits/remove-edges";
export { removeNodes } from "./edits/remove-nodes";
export { duplicateNodes } from "./edits/duplicate-nodes";
export { clipboardOf, clipboardSchema, parseClipboard, serialiseClipboard, type Clipboard } from "./edits/clipboard";
export { pasteClipboard, PASTE_OFFSET, type PasteResult } from "./edits/paste-clipboard";
export { updateSettings } from "./edits/update-settings";
export { nodePorts } from "./edits/node-ports";
export { sameValue } from "./edits/same-value";
