import type { EditorDocument } from "@/flows-runtime";
import { clipboardOf } from "./clipboard";
import { PASTE_OFFSET, pasteClipboard, type PasteResult } from "./paste-clipboard";

// A copy of the nodes next to the originals (+40/+40), with the connections between them; duplicate is
// copy and paste without touching the system clipboard.
export function duplicateNodes(doc: EditorDocument, args: { nodeIds: readonly string[]; newId: () => string }): PasteResult {
  const clipboard = clipboardOf(doc, args.nodeIds);
  if (!clipboard) return { document: doc, nodeIds: [] };
  return pasteClipboard(doc, clipboard, { newId: args.newId, offset: PASTE_OFFSET });
}
