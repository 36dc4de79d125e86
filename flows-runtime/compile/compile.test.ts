import { describe, expect, it } from "vitest";
import { graphHash } from "../graph/graph-hash";
import { flowGraphSchema } from "../graph/flow-graph";
import { buildDoc, type DocDescription } from "../testing/build-doc";
import { canonicalJson } from "./canonical-json";
import { compile, type CompileOptions } from "./compile";
import { hasErrors, type Diagnostic } from "./diagnostic";
import { sha256Hex } from "./sha256";

const greet = { t: ["trigger", { anyMessage: true }], hi: ["message", { text: "Hello" }] } as const;

function diagnosticsOf(description: DocDescription, options: CompileOptions = { knownFields: [], knownFlowIds: [] }): Diagnostic[] {
  return compile(buildDoc({ channels: ["webchat"], ...description }), options).diagnostics;
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe("compile diagnostics", () => {
  it("a clean flow has none", () => {
    expect(diagnosticsOf({ nodes: greet, edges: ["t -> hi"] })).toEqual([]);
  });

  it("no_trigger: nothing can start the flow", () => {
    expect(only(diagnosticsOf({ nodes: { hi: ["message", { text: "Hello" }] } }), "no_trigger")).toEqual([
      { code: "no_trigger", severity: "error", message: expect.stringContaining("no trigger") },
    ]);
  });

  it("unreachable_node: a step no trigger leads to", () => {
    const diagnostics = diagnosticsOf({ nodes: { ...greet, lost: ["message", { text: "Lost" }] }, edges: ["t -> hi"] });
    expect(only(diagnostics, "unreachable_node")).toEqual([
      { code: "unreachable_node", severity: "warning", nodeId: "lost", message: expect.stringContaining("no contact will ever reach it") },
    ]);
  });

  it("unconnected_port: a required output left open", () => {
    expect(only(diagnosticsOf({ nodes: greet }), "unconnected_port")).toEqual([
      { code: "unconnected_port", severity: "error", nodeId: "t", port: "next", message: expect.stringContaining('"next"') },
    ]);
  });

  it("instant_loop: a cycle that never waits is an error; a wait inside it breaks the loop", () => {
    const looping = diagnosticsOf({
      nodes: { ...greet, tag: ["tag", { add: ["x"] }] },
      edges: ["t -> hi", "hi -> tag", "tag -> hi"],
    });
    expect(only(looping, "instant_loop")).toEqual([
      { code: "instant_loop", severity: "error", nodeId: "hi", message: expect.stringMatching(/"hi", "tag"/) },
    ]);
    const waiting = diagnosticsOf({
      nodes: { ...greet, pause: ["wait", {}] },
      edges: ["t -> hi", "hi -> pause", "pause -> hi"],
    });
    expect(only(waiting, "instant_loop")).toEqual([]);
  });

  it("instant_loop: a step connected to itself", () => {
    expect(only(diagnosticsOf({ nodes: greet, edges: ["t -> hi", "hi -> hi"] }), "instant_loop")).toMatchObject([{ nodeId: "hi", severity: "error" }]);
  });

  it("unknown_field: a template or write names a field the workspace lacks", () => {
    const diagnostics = diagnosticsOf(
      {
        nodes: {
          t: ["trigger", { anyMessage: true }],
          hi: ["message", { text: "Hi {{contact.first_name}} from {{contact.compnay}}" }],
          set: ["set_field", { target: "field", key: "plan", value: "pro" }],
        },
        edges: ["t -> hi", "hi -> set"],
      },
      { knownFields: ["company"] },
    );
    expect(only(diagnostics, "unknown_field")).toEqual([
      { code: "unknown_field", severity: "error", nodeId: "hi", message: expect.stringContaining('"compnay"') },
      { code: "unknown_field", severity: "error", nodeId: "set", message: expect.stringContaining('"plan"') },
    ]);
  });

  it("unknown_field: skipped when the caller does not say which fields exist", () => {
    const description = { nodes: { ...greet, hi: ["message", { text: "{{contact.anything}}" }] }, edges: ["t -> hi"] } as const;
    expect(only(diagnosticsOf(description, {}), "unknown_field")).toEqual([]);
  });

  it("unknown_variable: a template reads a variable nothing declares or sets", () => {
    const diagnostics = diagnosticsOf({ nodes: { ...greet, hi: ["message", { text: "Budget: {{vars.budjet}}" }] }, edges: ["t -> hi"] });
    expect(only(diagnostics, "unknown_variable")).toEqual([
      { code: "unknown_variable", severity: "error", nodeId: "hi", message: expect.stringContaining('"budjet"') },
    ]);
  });

  it("read_before_set: a variable used before the step that sets it", () => {
    const diagnostics = diagnosticsOf({
      nodes: {
        t: ["trigger", { anyMessage: true }],
        early: ["message", { text: "Plan: {{vars.plan}}" }],
        set: ["set_field", { key: "plan", value: "pro" }],
        late: ["message", { text: "Now: {{vars.plan}}" }],
      },
      edges: ["t -> early", "early -> set", "set -> late"],
    });
    expect(only(diagnostics, "read_before_set")).toEqual([
      { code: "read_before_set", severity: "warning", nodeId: "early", message: expect.stringContaining('"plan"') },
    ]);
  });

  it("read_before_set: a declared variable that nothing sets", () => {
    const diagnostics = diagnosticsOf({ variables: ["coupon"], nodes: { ...greet, hi: ["message", { text: "{{vars.coupon}}" }] }, edges: ["t -> hi"] });
    expect(only(diagnostics, "read_before_set")).toMatchObject([{ nodeId: "hi", severity: "warning" }]);
    expect(only(diagnostics, "unknown_variable")).toEqual([]);
  });

  it("invalid_regex: a keyword pattern that does not compile", () => {
    const diagnostics = diagnosticsOf({ nodes: { ...greet, t: ["trigger", { keywords: [{ match: "regex", value: "order (\\d+" }] }] }, edges: ["t -> hi"] });
    expect(only(diagnostics, "invalid_regex")).toEqual([
      { code: "invalid_regex", severity: "error", nodeId: "t", message: expect.stringContaining("not a valid regular expression") },
    ]);
  });

  it("template_error: a template with a syntax mistake", () => {
    const diagnostics = diagnosticsOf({ nodes: { ...greet, hi: ["message", { text: "Hi {{contact.first_name" }] }, edges: ["t -> hi"] });
    expect(only(diagnostics, "template_error")).toEqual([
      { code: "template_error", severity: "error", nodeId: "hi", message: expect.stringContaining("has a mistake") },
    ]);
  });

  it("duplicate_choice: two buttons with the same label (normalised)", () => {
    const diagnostics = diagnosticsOf({
      nodes: { ...greet, hi: ["message", { text: "Pick", choices: [{ id: "a", label: "Yes" }, { id: "b", label: "ＹＥＳ" }] }] },
      edges: ["t -> hi"],
    });
    expect(only(diagnostics, "duplicate_choice")).toEqual([
      { code: "duplicate_choice", severity: "error", nodeId: "hi", message: expect.stringContaining('"Yes"') },
    ]);
  });

  it("duplicate_choice: on a question the port is the duplicated choice", () => {
    const diagnostics = diagnosticsOf({
      nodes: {
        t: ["trigger", { anyMessage: true }],
        q: ["question", { prompt: "Size?", answerType: "choice", choices: [{ id: "s", label: "Small" }, { id: "s2", label: "small" }] }],
        done: ["end", {}],
      },
      edges: ["t -> q", "q:s -> done", "q:s2 -> done"],
    });
    expect(only(diagnostics, "duplicate_choice").map((d) => [d.nodeId, d.severity])).toEqual([["q", "error"]]);
  });

  it("channel_limit: a warning naming the channel and how the message degrades", () => {
    const choices = [1, 2, 3, 4, 5].map((n) => ({ id: `c${n}`, label: `Option ${n}` }));
    const diagnostics = diagnosticsOf({ channels: ["whatsapp", "webchat"], nodes: { ...greet, hi: ["message", { text: "Pick", choices }] }, edges: ["t -> hi"] });
    const limits = only(diagnostics, "channel_limit");
    expect(limits).toContainEqual({ code: "channel_limit", severity: "warning", nodeId: "hi", message: expect.stringMatching(/WhatsApp.*3 reply buttons.*list/) });
    expect(limits.every((d) => !d.message.includes("web chat"))).toBe(true);
  });

  it("channel_limit: only for the channels the flow runs on", () => {
    const long = "x".repeat(2000);
    expect(only(diagnosticsOf({ channels: ["webchat"], nodes: { ...greet, hi: ["message", { text: long }] }, edges: ["t -> hi"] }), "channel_limit")).toEqual([]);
    expect(only(diagnosticsOf({ channels: ["sms"], nodes: { ...greet, hi: ["message", { text: long }] }, edges: ["t -> hi"] }), "channel_limit")).toContainEqual(
      expect.objectContaining({ nodeId: "hi", message: expect.stringContaining("SMS") }),
    );
  });

  it("unknown_flow: a jump to a flow that does not exist", () => {
    const diagnostics = diagnosticsOf(
      { nodes: { t: ["trigger", { anyMessage: true }], go: ["jump", { flowId: "flow-gone" }] }, edges: ["t -> go"] },
      { knownFlowIds: ["flow-a"] },
    );
    expect(only(diagnostics, "unknown_flow")).toEqual([
      { code: "unknown_flow", severity: "error", nodeId: "go", message: expect.stringContaining('"flow-gone"') },
    ]);
  });

  it("invalid_data: a node whose settings do not parse is reported, not thrown", () => {
    const result = compile(buildDoc({ nodes: { ...greet, hi: ["message", { text: 42 }] }, edges: ["t -> hi"] }));
    expect(only(result.diagnostics, "invalid_data")).toEqual([
      { code: "invalid_data", severity: "error", nodeId: "hi", message: expect.stringContaining("text") },
    ]);
    expect(result.graph?.nodes.hi).toEqual({ id: "hi", kind: "message", data: { text: 42 } });
  });

  it("unknown_kind: a node type this version does not know", () => {
    const diagnostics = diagnosticsOf({ nodes: { ...greet, x: ["carrier_pigeon", {}] }, edges: ["t -> hi", "hi -> x"] });
    expect(only(diagnostics, "unknown_kind")).toMatchObject([{ nodeId: "x", severity: "error" }]);
  });

  it("dangling_edge, unknown_port and multiple_edges are warnings and the bad edges are dropped", () => {
    const result = compile(
      buildDoc({ channels: ["webchat"], nodes: { ...greet, bye: ["end", {}] }, edges: ["t -> hi", "t -> bye", "hi -> ghost", "hi:nope -> bye"] }),
    );
    expect(only(result.diagnostics, "dangling_edge")).toMatchObject([{ nodeId: "hi", port: "next", severity: "warning" }]);
    expect(only(result.diagnostics, "unknown_port")).toMatchObject([{ nodeId: "hi", port: "nope", severity: "warning" }]);
    expect(only(result.diagnostics, "multiple_edges")).toMatchObject([{ nodeId: "t", port: "next", severity: "warning" }]);
    expect(result.graph?.edges.map((e) => e.id)).toEqual(["t:next->bye", "t:next->hi"]);
  });

  it("invalid_document: only an unreadable document gives no graph", () => {
    const result = compile({ schemaVersion: 1, nodes: {} } as never);
    expect(result.graph).toBeNull();
    expect(result.diagnostics).toMatchObject([{ code: "invalid_document", severity: "error" }]);
  });

  it("invalid_document names the first problem in document order, nodes and edges included", () => {
    const good = buildDoc({ nodes: greet, edges: ["t -> hi"] });
    const messageOf = (doc: unknown) => compile(doc as never).diagnostics.map((d) => d.message);
    expect(messageOf({ ...good, nodes: [] })).toEqual(["This flow document cannot be read (nodes: Invalid input: expected record, received array)."]);
    expect(messageOf({ ...good, nodes: new Map() })).toEqual(["This flow document cannot be read (nodes: Invalid input: expected record, received Map)."]);
    expect(messageOf({ ...good, nodes: { ...good.nodes, [Symbol("s")]: {} } })).toEqual(["This flow document cannot be read (nodes.Symbol(s): Invalid key in record)."]);
    expect(messageOf({ ...good, edges: [{ id: 1 }], variables: [{ key: "" }] })).toEqual(["This flow document cannot be read (edges.0.id: Invalid input: expected string, received number)."]);
    expect(messageOf({ ...good, id: "", edges: "x" })).toEqual(["This flow document cannot be read (id: Too small: expected string to have >=1 characters)."]);
  });

  it("a damaged node (no kind) is reported on itself, the rest compiles", () => {
    const doc = buildDoc({ nodes: greet, edges: ["t -> hi"] });
    const result = compile({ ...doc, nodes: { ...doc.nodes, bad: { id: "bad" } as never } });
    expect(result.graph).not.toBeNull();
    expect(only(result.diagnostics, "invalid_node")).toMatchObject([{ nodeId: "bad", severity: "error" }]);
  });

  it("hasErrors is true only with an error", () => {
    expect(hasErrors([{ code: "unreachable_node", severity: "warning", message: "" }])).toBe(false);
    expect(hasErrors([{ code: "no_trigger", severity: "error", message: "" }])).toBe(true);
  });
});

describe("compile output", () => {
  const description: DocDescription = {
    id: "flow-1",
    name: "Lead capture",
    channels: ["webchat", "line", "whatsapp"],
    variables: [{ key: "budget", label: "Budget" }],
    nodes: {
      t: ["trigger", { keywords: [{ match: "contains", value: "price" }] }],
      ask: ["set_field", { key: "budget", value: "{{contact.first_name}}" }],
      hi: ["message", { text: "Budget {{vars.budget}}", choices: [{ id: "a", label: "OK" }] }],
      tag: ["tag", { add: ["lead"] }],
      done: ["end", { closeConversation: true }],
    },
    edges: ["t -> ask", "ask -> hi", "hi -> tag", "tag -> done"],
  };

  it("fills defaults, sorts edges and lists the fields, variables and channels used", () => {
    const { graph } = compile(buildDoc(description));
    expect(flowGraphSchema.parse(graph)).toEqual(graph);
    expect(graph?.channels).toEqual(["whatsapp", "line", "webchat"]);
    expect(graph?.variables).toEqual([{ key: "budget", label: "Budget" }]);
    expect(graph?.fields).toEqual(["first_name"]);
    expect(graph?.nodes.tag?.data).toEqual({ add: ["lead"], remove: [] });
    expect(graph?.edges.map((e) => e.source)).toEqual(["ask", "hi", "t", "tag"]);
  });

  it("is deterministic: shuffled keys, nodes and edges give the same graph and hash", () => {
    const doc = buildDoc(description);
    const shuffled = {
      settings: { channels: [...doc.settings.channels].reverse(), name: doc.settings.name },
      viewport: { zoom: 2, y: 5, x: 9 },
      fields: doc.fields,
      variables: doc.variables,
      edges: [...doc.edges].reverse().map((e) => ({ target: e.target, sourcePort: e.sourcePort, source: e.source, id: e.id })),
      nodes: Object.fromEntries(
        Object.entries(doc.nodes)
          .reverse()
          .map(([id, node]) => [id, { position: { y: 1, x: 2 }, data: reverseKeys(node.data), kind: node.kind, id }]),
      ),
      id: doc.id,
      schemaVersion: 1 as const,
    };
    const a = compile(doc);
    const b = compile(shuffled);
    expect(b.hash).toBe(a.hash);
    expect(canonicalJson(b.graph)).toBe(canonicalJson(a.graph));
    expect(b.diagnostics).toEqual(a.diagnostics);
  });

  it("hashes the canonical JSON of the graph (so a stored graph hashes the same)", () => {
    const { graph, hash } = compile(buildDoc(description));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(sha256Hex(canonicalJson(graph)));
    const reloaded = flowGraphSchema.parse(JSON.parse(JSON.stringify(graph)));
    expect(graphHash(reloaded)).toBe(hash);
  });

  it("changes the hash when the content changes but not when only positions move", () => {
    const doc = buildDoc(description);
    const moved = { ...doc, nodes: { ...doc.nodes, hi: { ...doc.nodes.hi!, position: { x: 999, y: 999 } } } };
    const edited = { ...doc, nodes: { ...doc.nodes, hi: { ...doc.nodes.hi!, data: { text: "Other" } } } };
    expect(compile(moved).hash).toBe(compile(doc).hash);
    expect(compile(edited).hash).not.toBe(compile(doc).hash);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}
