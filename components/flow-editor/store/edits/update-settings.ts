import type { EditorDocument } from "@/flows-runtime";
import { sameValue } from "./same-value";

// Merges a settings patch; keys left undefined are not touched.
export function updateSettings(doc: EditorDocument, patch: Partial<EditorDocument["settings"]>): EditorDocument {
  const changes = Object.entries(patch).filter(
    ([key, value]) => value !== undefined && !sameValue(doc.settings[key as keyof EditorDocument["settings"]], value),
  );
  if (changes.length === 0) return doc;
  return { ...doc, settings: { ...doc.settings, ...Object.fromEntries(changes) } };
}
