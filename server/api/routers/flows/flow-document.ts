import { editorDocumentSchema, migrateDocument, type EditorDocument } from "@/flows-runtime";
import { DomainError } from "../../../domain-errors";

// A new flow's document: one trigger that starts on a contact's first message, so it runs as soon as
// something is connected to it.
export function blankDocument(id: string, name: string): EditorDocument {
  return editorDocumentSchema.parse({
    schemaVersion: 1,
    id,
    nodes: { start: { id: "start", kind: "trigger", data: {}, position: { x: 0, y: 0 } } },
    settings: { name },
  });
}

// Any document from outside (import, save): migrated to the current version and validated, or a
// DomainError naming what is wrong. Nothing is written before this succeeds.
export function readDocument(raw: unknown): EditorDocument {
  try {
    return migrateDocument(raw);
  } catch (error) {
    throw new DomainError("invalid", `This is not a valid Kaiwa flow: ${(error as Error).message}`);
  }
}

export function withIdentity(document: EditorDocument, id: string, name: string): EditorDocument {
  return { ...document, id, settings: { ...document.settings, name } };
}
