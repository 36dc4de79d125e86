import { editorDocumentSchema, type EditorDocument } from "@/flows-runtime";

// A small flow used by the store tests: a trigger, a choice question whose choices lead to a condition
// and a split, and an end.
export function testDocument(): EditorDocument {
  return editorDocumentSchema.parse({
    schemaVersion: 1,
    id: "flow-1",
    nodes: {
      start: { id: "start", kind: "trigger", data: { anyMessage: true }, position: { x: 0, y: 0 } },
      ask: {
        id: "ask",
        kind: "question",
        data: {
          prompt: "Pizza or pasta?",
          answerType: "choice",
          choices: [
            { id: "pizza", label: "Pizza" },
            { id: "pasta", label: "Pasta" },
          ],
        },
        position: { x: 300, y: 0 },
      },
      check: {
        id: "check",
        kind: "condition",
        data: {
          rules: [
            { id: "vip", label: "VIP", all: [{ subject: { kind: "tag" }, operator: "has_tag", value: "vip" }] },
            { id: "new", label: "New", all: [{ subject: { kind: "tag" }, operator: "has_tag", value: "new" }] },
          ],
        },
        position: { x: 600, y: 0 },
      },
      ab: { id: "ab", kind: "split", data: {}, position: { x: 600, y: 200 } },
      done: { id: "done", kind: "end", data: {}, position: { x: 900, y: 0 } },
    },
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "ask" },
      { id: "e2", source: "ask", sourcePort: "pizza", target: "check" },
      { id: "e3", source: "ask", sourcePort: "pasta", target: "ab" },
      { id: "e4", source: "check", sourcePort: "vip", target: "done" },
      { id: "e5", source: "check", sourcePort: "new", target: "done" },
      { id: "e6", source: "check", sourcePort: "else", target: "done" },
      { id: "e7", source: "ab", sourcePort: "a", target: "done" },
      { id: "e8", source: "ab", sourcePort: "b", target: "done" },
    ],
    settings: { name: "Lunch" },
  });
}

// Deterministic ids for tests: n1, n2, ...
export function counterIds(prefix = "n"): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}

// Freezes a document all the way down, so an edit that mutates its input throws in the test.
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
