import { describe, expect, it } from "vitest";
import { compile, type EditorDocument } from "@/flows-runtime";
import { createFlowEditorStore, UNDO_LIMIT } from "./flow-editor-store";
import type { FlowEditorState } from "./flow-editor-types";
import { counterIds, deepFreeze, testDocument } from "./test-document";

function makeStore(overrides: { readOnly?: boolean; document?: EditorDocument } = {}) {
  return createFlowEditorStore({
    flowId: "flow-1",
    document: deepFreeze(overrides.document ?? testDocument()),
    revision: 3,
    newId: counterIds(),
    ...(overrides.readOnly !== undefined ? { readOnly: overrides.readOnly } : {}),
  });
}

const questionData = (state: FlowEditorState) => state.document.nodes.ask?.data as { choices: { id: string; label: string }[] };

// Every action the editor offers, each of which must be one undoable step.
const actions: [string, (state: FlowEditorState) => unknown][] = [
  ["add node", (s) => s.addNode("message", { x: 5, y: 5 })],
  ["update node data", (s) => s.updateNodeData("ask", { ...questionData(s), prompt: "Hungry?" })],
  [
    "move (drag commit)",
    (s) => {
      s.moveNodes([{ id: "ask", position: { x: 310, y: 10 } }], false);
      s.moveNodes([{ id: "ask", position: { x: 320, y: 20 } }], true);
    },
  ],
  ["connect", (s) => s.connect("ask", "invalid", "done")],
  ["replace connection", (s) => s.connect("ask", "pizza", "done")],
  ["remove edge", (s) => s.removeEdges(["e2"])],
  ["remove node", (s) => s.removeNodes(["check"])],
  [
    "delete selection",
    (s) => {
      s.setSelection({ nodeIds: ["ab"], edgeIds: ["e1"] });
      s.deleteSelection();
    },
  ],
  [
    "duplicate",
    (s) => {
      s.setSelection({ nodeIds: ["ask", "check"], edgeIds: [] });
      s.duplicateSelection();
    },
  ],
  [
    "paste",
    (s) => {
      s.setSelection({ nodeIds: ["ask"], edgeIds: [] });
      s.paste(s.copySelection()!, { x: 0, y: 800 });
    },
  ],
  ["auto-layout", (s) => s.autoLayout()],
  ["settings", (s) => s.updateSettings({ name: "Dinner" })],
];

describe("undo and redo", () => {
  it.each(actions)("%s is one step: undo restores the exact previous document, redo re-applies it", async (_name, act) => {
    const store = makeStore();
    const before = store.getState().document;
    await act(store.getState());
    const after = store.getState().document;
    expect(after).not.toEqual(before);
    expect(store.getState().past).toEqual([before]);
    expect(store.getState().save.status).toBe("dirty");

    store.getState().undo();
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().future).toHaveLength(1);

    store.getState().redo();
    expect(store.getState().document).toBe(after);
    expect(store.getState().future).toHaveLength(0);

    // A new edit after an undo clears what could be redone.
    store.getState().undo();
    store.getState().updateSettings({ name: "Breakfast" });
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().document.settings.name).toBe("Breakfast");
  });

  it("edits that change nothing add no undo entry", () => {
    const store = makeStore();
    const s = store.getState();
    s.connect("ask", "invalid", "ask");
    s.connect("ask", "soup", "done");
    s.removeEdges(["nope"]);
    s.updateSettings({ name: "Lunch" });
    s.updateNodeData("ask", structuredClone(questionData(s)));
    s.paste("not a clipboard");
    s.duplicateSelection();
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().save.status).toBe("saved");
  });

  it("a drag of many moves plus its commit is one undo step back to where the drag started", () => {
    const store = makeStore();
    const before = store.getState().document;
    for (let step = 1; step <= 20; step++) {
      store.getState().moveNodes(
        [
          { id: "ask", position: { x: 300 + step * 5, y: step * 3 } },
          { id: "check", position: { x: 600 + step * 5, y: step * 3 } },
        ],
        false,
      );
    }
    expect(store.getState().past).toHaveLength(0);
    store.getState().moveNodes([{ id: "ask", position: { x: 420, y: 60 } }, { id: "check", position: { x: 720, y: 60 } }], true);
    expect(store.getState().past).toEqual([before]);
    expect(store.getState().document.nodes.ask?.position).toEqual({ x: 420, y: 60 });

    store.getState().undo();
    expect(store.getState().document).toBe(before);
    store.getState().redo();
    expect(store.getState().document.nodes.check?.position).toEqual({ x: 720, y: 60 });
  });

  it("keeps the draft's graph hash and committed document current: edits, undo and redo change them, a drag in progress does not", () => {
    const store = makeStore();
    const hashOf = (document: EditorDocument) => compile(document).hash;
    const initial = store.getState().draftHash;
    expect(initial).toBe(hashOf(store.getState().document));
    const before = store.getState().document;
    store.getState().moveNodes([{ id: "ask", position: { x: 350, y: 50 } }], false);
    // A drag in progress moves `document` only; `committed` follows when it is dropped.
    expect(store.getState().committed).toBe(before);
    store.getState().moveNodes([{ id: "ask", position: { x: 360, y: 60 } }], true);
    expect(store.getState().committed).toBe(store.getState().document);
    expect(store.getState().draftHash).toBe(initial);
    store.getState().updateNodeData("ask", { ...questionData(store.getState()), prompt: "Hungry?" });
    const edited = store.getState().draftHash;
    expect(edited).not.toBe(initial);
    expect(edited).toBe(hashOf(store.getState().document));
    expect(store.getState().committed).toBe(store.getState().document);
    store.getState().undo();
    expect(store.getState().draftHash).toBe(initial);
    expect(store.getState().committed).toBe(store.getState().document);
    store.getState().redo();
    expect(store.getState().draftHash).toBe(edited);
  });

  it("a drag dropped where it started leaves no undo entry and the document unchanged", () => {
    const store = makeStore();
    const before = store.getState().document;
    store.getState().moveNodes([{ id: "ask", position: { x: 350, y: 50 } }], false);
    store.getState().moveNodes([{ id: "ask", position: { x: 300, y: 0 } }], true);
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it(`keeps at most ${UNDO_LIMIT} undo steps`, () => {
    const store = makeStore();
    for (let index = 0; index < UNDO_LIMIT + 20; index++) store.getState().updateSettings({ name: `Name ${index}` });
    expect(store.getState().past).toHaveLength(UNDO_LIMIT);
    while (store.getState().past.length > 0) store.getState().undo();
    expect(store.getState().document.settings.name).toBe("Name 19");
  });
});

describe("ports and connections", () => {
  it.each([
    ["a question choice", "ask", (s: FlowEditorState) => ({ ...questionData(s), choices: questionData(s).choices.slice(0, 1) }), "e3"],
    ["a condition rule", "check", () => ({ rules: [{ id: "new", label: "New", all: [] }] }), "e4"],
    ["a split branch", "ab", () => ({ branches: [{ id: "a", label: "A", weight: 100 }] }), "e8"],
  ] as const)("removing %s removes the connection from it, and undo brings it back", (_name, nodeId, data, edgeId) => {
    const store = makeStore();
    const before = store.getState().document;
    store.getState().updateNodeData(nodeId, data(store.getState()));
    expect(store.getState().document.edges.map((edge) => edge.id)).not.toContain(edgeId);
    expect(store.getState().document.edges).toHaveLength(before.edges.length - 1);
    store.getState().undo();
    expect(store.getState().document.edges.map((edge) => edge.id)).toContain(edgeId);
    expect(store.getState().document).toBe(before);
  });

  it("connecting a port that already has a connection replaces it", () => {
    const store = makeStore();
    store.getState().connect("ask", "pizza", "done");
    const fromPizza = store.getState().document.edges.filter((edge) => edge.source === "ask" && edge.sourcePort === "pizza");
    expect(fromPizza.map((edge) => edge.target)).toEqual(["done"]);
  });
});

describe("copy and paste", () => {
  it("pastes into another flow's store with new unique ids and remapped connections", () => {
    const from = makeStore();
    from.getState().setSelection({ nodeIds: ["ask", "check", "done"], edgeIds: [] });
    const json = from.getState().copySelection();
    expect(json).not.toBeNull();

    const other = createFlowEditorStore({
      flowId: "flow-2",
      // The other flow already uses the ids n1 and ask: pasted nodes must not take them.
      document: deepFreeze({ ...testDocument(), id: "flow-2", nodes: { ...testDocument().nodes, n1: { id: "n1", kind: "end", data: {}, position: { x: 0, y: 0 } } } }),
      revision: 1,
      newId: counterIds(),
    });
    const ids = other.getState().paste(json!);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain("n1");
    expect(ids).not.toContain("ask");
    expect(new Set(ids).size).toBe(3);
    expect(other.getState().selection.nodeIds).toEqual(ids);

    const doc = other.getState().document;
    const [ask, check, done] = ids;
    expect(doc.nodes[ask!]?.kind).toBe("question");
    expect(doc.nodes[ask!]?.data).toEqual(from.getState().document.nodes.ask?.data);
    const pasted = doc.edges.filter((edge) => ids.includes(edge.source));
    expect(pasted.map((edge) => [edge.source, edge.sourcePort, edge.target]).sort()).toEqual(
      [
        [ask, "pizza", check],
        [check, "else", done],
        [check, "new", done],
        [check, "vip", done],
      ].sort(),
    );
    expect(new Set(doc.edges.map((edge) => edge.id)).size).toBe(doc.edges.length);
  });

  it("ignores a clipboard that is not Kaiwa's", () => {
    const store = makeStore();
    const before = store.getState().document;
    expect(store.getState().paste('{"hello":"world"}')).toEqual([]);
    expect(store.getState().paste("just some text")).toEqual([]);
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it("copies nothing when nothing is selected", () => {
    expect(makeStore().getState().copySelection()).toBeNull();
  });
});

describe("selection", () => {
  it("adding a node selects it; deleting the selection clears it", () => {
    const store = makeStore();
    const id = store.getState().addNode("wait", { x: 0, y: 0 });
    expect(id).toBe("n1");
    expect(store.getState().selection).toEqual({ nodeIds: ["n1"], edgeIds: [] });
    store.getState().deleteSelection();
    expect(store.getState().document.nodes.n1).toBeUndefined();
    expect(store.getState().selection).toEqual({ nodeIds: [], edgeIds: [] });
  });

  it("select all takes every node and edge; undo drops ids that no longer exist", () => {
    const store = makeStore();
    store.getState().addNode("wait", { x: 0, y: 0 });
    store.getState().selectAll();
    expect(store.getState().selection.nodeIds).toContain("n1");
    expect(store.getState().selection.edgeIds).toHaveLength(8);
    store.getState().undo();
    expect(store.getState().selection.nodeIds).not.toContain("n1");
  });
});

describe("diagnostics", () => {
  it("an unconnected new question is an error until its output is connected", () => {
    const store = makeStore();
    expect(store.getState().diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const id = store.getState().addNode("question", { x: 0, y: 400 });
    const unconnected = () => store.getState().diagnostics.filter((d) => d.code === "unconnected_port" && d.nodeId === id);
    expect(unconnected().map((d) => d.port)).toEqual(["answered"]);
    expect(store.getState().diagnostics.some((d) => d.code === "unreachable_node" && d.nodeId === id)).toBe(true);

    store.getState().connect(id, "answered", "done");
    expect(unconnected()).toEqual([]);
    store.getState().connect("ask", "invalid", id);
    expect(store.getState().diagnostics.some((d) => d.nodeId === id && d.severity === "error")).toBe(false);
    expect(store.getState().diagnostics.some((d) => d.code === "unreachable_node" && d.nodeId === id)).toBe(false);

    store.getState().undo();
    store.getState().undo();
    expect(unconnected().map((d) => d.port)).toEqual(["answered"]);
  });

  it("removing a node a connection needs reports the port it left empty", () => {
    const store = makeStore();
    store.getState().removeNodes(["ab"]);
    expect(store.getState().diagnostics).toContainEqual(
      expect.objectContaining({ code: "unconnected_port", nodeId: "ask", port: "pasta", severity: "error" }),
    );
  });
});

describe("save status", () => {
  it("markSaved records the revision and is saved when nothing changed meanwhile", () => {
    const store = makeStore();
    store.getState().updateSettings({ name: "Dinner" });
    const saving = store.getState().document;
    store.getState().markSaving();
    expect(store.getState().save.status).toBe("saving");
    store.getState().markSaved(4, saving);
    expect(store.getState().revision).toBe(4);
    expect(store.getState().save).toEqual({ status: "saved" });
  });

  it("markSaved during concurrent edits keeps the document dirty, based on the new revision", () => {
    const store = makeStore();
    store.getState().updateSettings({ name: "Dinner" });
    const saving = store.getState().document;
    store.getState().markSaving();
    store.getState().addNode("end", { x: 0, y: 0 });
    store.getState().markSaved(4, saving);
    expect(store.getState().save).toEqual({ status: "dirty" });
    expect(store.getState().revision).toBe(4);
  });

  it("a conflict sticks until reset, even through further edits", () => {
    const store = makeStore();
    store.getState().markConflict("Changed elsewhere");
    store.getState().updateSettings({ name: "Dinner" });
    store.getState().markSaved(9, store.getState().document);
    expect(store.getState().save).toEqual({ status: "conflict", message: "Changed elsewhere" });
    store.getState().reset({ document: testDocument(), revision: 7 });
    expect(store.getState()).toMatchObject({ revision: 7, save: { status: "saved" }, past: [], future: [] });
  });
});

describe("read-only", () => {
  it("ignores every edit but still copies", async () => {
    const store = makeStore({ readOnly: true });
    const before = store.getState().document;
    for (const [, act] of actions) await act(store.getState());
    store.getState().undo();
    expect(store.getState().document).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    store.getState().setSelection({ nodeIds: ["ask"], edgeIds: [] });
    expect(store.getState().copySelection()).toContain('"kaiwaClipboard":1');
  });
});
