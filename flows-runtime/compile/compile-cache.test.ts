import { describe, expect, it } from "vitest";
import type { EditorDocument } from "../graph/editor-doc";
import { buildDoc } from "../testing/build-doc";
import { compile } from "./compile";
import type { Diagnostic } from "./diagnostic";

// compile() reuses a node's analysis when the node is the same object or has the same content as one
// it saw before. These tests compile first, so the caches are full, then change one input and check
// that the result follows the change rather than the cache.

const base = () =>
  buildDoc({
    channels: ["whatsapp", "sms"],
    nodes: {
      t: ["trigger", { anyMessage: true }],
      hi: ["message", { text: "Hello" }],
      ask: ["question", { prompt: "Pick one", answerType: "choice", choices: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }],
      bye: ["message", { text: "Bye {{vars.name}}" }],
    },
    variables: ["name"],
    edges: ["t -> hi", "hi -> ask", "ask:a -> bye", "ask:b -> bye", "ask:invalid -> bye"],
  });

const smsTooLong = "x".repeat(2000);

function withNode(doc: EditorDocument, id: string, data: unknown): EditorDocument {
  return { ...doc, nodes: { ...doc.nodes, [id]: { ...doc.nodes[id]!, data } } };
}

function codesOn(diagnostics: Diagnostic[], nodeId: string): string[] {
  return diagnostics.filter((d) => d.nodeId === nodeId).map((d) => d.code);
}

describe("compile caches", () => {
  it("a fresh copy of a compiled document gives the same result", () => {
    const doc = base();
    const first = compile(doc);
    expect(compile(structuredClone(doc))).toEqual(first);
    expect(compile(JSON.parse(JSON.stringify(doc)) as EditorDocument)).toEqual(first);
  });

  it("an edit that breaks a channel limit is reported, on a kept document and on a fresh copy", () => {
    const doc = base();
    expect(codesOn(compile(doc).diagnostics, "hi")).toEqual([]);
    const edited = withNode(doc, "hi", { text: smsTooLong });
    const limits = compile(edited).diagnostics.filter((d) => d.code === "channel_limit" && d.nodeId === "hi");
    expect(limits).toContainEqual(expect.objectContaining({ message: expect.stringContaining("SMS") }));
    expect(compile(structuredClone(edited)).diagnostics).toEqual(compile(edited).diagnostics);
    // Undone: back to the first content, under new objects.
    expect(codesOn(compile(structuredClone(withNode(edited, "hi", { text: "Hello" }))).diagnostics, "hi")).toEqual([]);
  });

  it("a fresh copy of a large document with one step changed reports that step (whole-record cache)", () => {
    const steps = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`m${i}`, ["message", { text: `Step ${i}` }] as const]));
    const edges = ["t -> m0", ...Array.from({ length: 99 }, (_, i) => `m${i} -> m${i + 1}`)];
    const doc = buildDoc({ channels: ["sms"], nodes: { t: ["trigger", { anyMessage: true }], ...steps }, edges });
    const first = compile(doc);
    expect(first.diagnostics).toEqual([]);
    expect(compile(structuredClone(doc))).toEqual(first);
    const edited = structuredClone(doc);
    edited.nodes.m42 = { ...edited.nodes.m42!, data: { text: smsTooLong } };
    const { diagnostics, graph } = compile(edited);
    expect(codesOn(diagnostics, "m42")).toContain("channel_limit");
    expect(graph?.nodes.m42?.data).toMatchObject({ text: smsTooLong });
    expect(compile(structuredClone(doc))).toEqual(first);
    expect(compile(structuredClone(edited)).diagnostics).toEqual(diagnostics);
  });

  it("a change of channels re-checks unchanged nodes against the new ones", () => {
    const doc = withNode(base(), "hi", { text: smsTooLong });
    expect(compile(doc).diagnostics.some((d) => d.code === "channel_limit" && d.nodeId === "hi")).toBe(true);
    const webOnly = { ...doc, settings: { ...doc.settings, channels: ["webchat" as const] } };
    expect(compile(webOnly).diagnostics.some((d) => d.code === "channel_limit" && d.nodeId === "hi")).toBe(false);
  });

  it("a removed edge is reported although every node is unchanged", () => {
    const doc = base();
    expect(compile(doc).diagnostics.filter((d) => d.code === "unconnected_port")).toEqual([]);
    const cut = { ...doc, edges: doc.edges.filter((edge) => edge.id !== "ask:b->bye") };
    expect(compile(cut).diagnostics).toContainEqual(expect.objectContaining({ code: "unconnected_port", nodeId: "ask", port: "b" }));
    const copied = structuredClone(cut);
    expect(compile(copied).diagnostics).toEqual(compile(cut).diagnostics);
  });

  it("edges kept as the same array still follow the nodes: a deleted target, a deleted choice", () => {
    const doc = base();
    expect(compile(doc).graph?.edges).toHaveLength(5);
    const { bye: _bye, ...withoutBye } = doc.nodes;
    const deleted = compile({ ...doc, nodes: withoutBye });
    expect(deleted.diagnostics.filter((d) => d.code === "dangling_edge")).toHaveLength(3);
    expect(deleted.graph?.edges.map((edge) => edge.id)).toEqual(["hi:next->ask", "t:next->hi"]);
    const oneChoice = compile(withNode(doc, "ask", { prompt: "Pick one", answerType: "choice", choices: [{ id: "a", label: "A" }] }));
    expect(oneChoice.diagnostics).toContainEqual(expect.objectContaining({ code: "unknown_port", nodeId: "ask", port: "b" }));
    expect(oneChoice.graph?.edges.some((edge) => edge.sourcePort === "b")).toBe(false);
    // Back to the first nodes: every edge is kept again.
    expect(compile(doc).graph?.edges).toHaveLength(5);
  });

  it("with the same edges array, a step that stops waiting closes an instant loop", () => {
    const doc = buildDoc({
      channels: ["webchat"],
      nodes: { t: ["trigger", { anyMessage: true }], a: ["message", { text: "A" }], b: ["wait", { seconds: 60 }] },
      edges: ["t -> a", "a -> b", "b -> a"],
    });
    expect(compile(doc).diagnostics.filter((d) => d.code === "instant_loop")).toEqual([]);
    const instant = { ...doc, nodes: { ...doc.nodes, b: { ...doc.nodes.b!, kind: "message", data: { text: "B" } } } };
    expect(compile(instant).diagnostics.filter((d) => d.code === "instant_loop").map((d) => d.nodeId)).toEqual(["a"]);
    expect(compile(doc).diagnostics.filter((d) => d.code === "instant_loop")).toEqual([]);
  });

  it("with the same edges array, a trigger turned into a message leaves its steps unreachable", () => {
    const doc = buildDoc({
      channels: ["webchat"],
      nodes: { t1: ["trigger", { anyMessage: true }], t2: ["trigger", { keywords: [{ match: "exact", value: "hi" }] }], a: ["message", { text: "A" }], b: ["message", { text: "B" }] },
      edges: ["t1 -> a", "t2 -> b"],
    });
    expect(compile(doc).diagnostics.filter((d) => d.code === "unreachable_node")).toEqual([]);
    const demoted = { ...doc, nodes: { ...doc.nodes, t2: { ...doc.nodes.t2!, kind: "message", data: { text: "T2" } } } };
    expect(compile(demoted).diagnostics.filter((d) => d.code === "unreachable_node").map((d) => d.nodeId)).toEqual(["b", "t2"]);
    expect(compile(doc).diagnostics.filter((d) => d.code === "unreachable_node")).toEqual([]);
  });

  it("a step's own checks run again when what they are given changes: the flows a jump may target", () => {
    const doc = buildDoc({ channels: ["webchat"], nodes: { t: ["trigger", { anyMessage: true }], j: ["jump", { flowId: "billing" }] }, edges: ["t -> j"] });
    const unknownFlow = (ids?: string[]) => compile(doc, ids ? { knownFlowIds: ids } : {}).diagnostics.filter((d) => d.code === "unknown_flow").length;
    expect(unknownFlow(["billing"])).toBe(0);
    expect(unknownFlow(["support"])).toBe(1);
    expect(unknownFlow()).toBe(0);
    expect(unknownFlow(["support"])).toBe(1);
    expect(unknownFlow(["support", "billing"])).toBe(0);
  });

  it("a fresh copy with one edge moved compiles the moved edge", () => {
    const doc = base();
    compile(doc);
    const moved = structuredClone(doc);
    moved.edges = moved.edges.map((edge) => (edge.id === "ask:b->bye" ? { ...edge, target: "hi" } : edge));
    const { graph } = compile(moved);
    expect(graph?.edges.find((edge) => edge.id === "ask:b->bye")?.target).toBe("hi");
    expect(compile(structuredClone(doc)).graph?.edges.find((edge) => edge.id === "ask:b->bye")?.target).toBe("bye");
  });

  it("a compiled graph's edges cannot be changed behind the cache's back", () => {
    const { graph } = compile(base());
    expect(() => (graph?.edges as unknown[]).push({})).toThrow(TypeError);
  });

  it("a reference to a variable that is no longer declared is reported", () => {
    const doc = base();
    expect(codesOn(compile(doc).diagnostics, "bye")).not.toContain("unknown_variable");
    const undeclared = structuredClone({ ...doc, variables: [] });
    expect(codesOn(compile(undeclared).diagnostics, "bye")).toContain("unknown_variable");
  });

  it("the same content under another id is reported on that id", () => {
    const doc = withNode(base(), "hi", { text: smsTooLong });
    const other = structuredClone(doc);
    // Same content to the letter, the node's own id field included: only the key it is saved under differs.
    other.nodes.hello = structuredClone(doc.nodes.hi!);
    delete other.nodes.hi;
    other.edges = other.edges.map((edge) => ({ ...edge, source: edge.source === "hi" ? "hello" : edge.source, target: edge.target === "hi" ? "hello" : edge.target }));
    compile(doc);
    const { diagnostics, graph } = compile(other);
    expect(graph?.nodes.hello?.id).toBe("hello");
    expect(codesOn(diagnostics, "hello")).toContain("channel_limit");
    expect(codesOn(diagnostics, "hi")).toEqual([]);
  });

  it("an undefined field and a missing one compile alike, each from its own analysis", () => {
    const doc = base();
    const withUndefined = withNode(doc, "hi", { text: "Hello", media: undefined });
    expect(compile(withUndefined).graph?.nodes.hi?.data).toEqual(compile(doc).graph?.nodes.hi?.data);
    expect(compile(structuredClone(withUndefined)).diagnostics).toEqual(compile(doc).diagnostics);
  });
});
