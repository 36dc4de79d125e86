import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { step } from "../../engine/step";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";
import { testContext } from "../../testing/test-context";
import { matchTrigger, TRIGGER_PRIORITY } from "./trigger";

const flow = buildGraph({
  nodes: {
    byRef: ["trigger", { refs: ["spring-qr"], entryPointId: "ep_42" }],
    byKeyword: ["trigger", { keywords: [{ match: "exact", value: "hello" }, { match: "regex", value: "^order\\s*#?\\d+$" }] }],
    byNew: ["trigger", { newContact: true }],
    byTag: ["trigger", { tagAdded: "VIP" }],
    fallback: ["trigger", { anyMessage: true, manual: true }],
    refMsg: ["message", { text: "From the poster" }],
    kwMsg: ["message", { text: "Keyword" }],
    newMsg: ["message", { text: "Welcome, new friend" }],
    tagMsg: ["message", { text: "VIP perks" }],
    anyMsg: ["message", { text: "Default" }],
  },
  edges: ["byRef -> refMsg", "byKeyword -> kwMsg", "byNew -> newMsg", "byTag -> tagMsg", "fallback -> anyMsg"],
});

const start = (event: Record<string, unknown>) =>
  sentTexts(step(flow, null, { type: "start", reason: "first_message", ...event } as never, testContext()));

describe("trigger node", () => {
  it("a keyword beats the catch-all, NFKC- and case-normalised", () => {
    expect(start({ message: { text: "ＨＥＬＬＯ" } })).toEqual(["Keyword"]);
    expect(start({ message: { text: "Order #123" } })).toEqual(["Keyword"]);
    expect(start({ message: { text: "hello there" } })).toEqual(["Default"]);
  });

  it("a tapped button payload counts as the message text", () => {
    expect(start({ message: { payload: "hello" } })).toEqual(["Keyword"]);
  });

  it("a deep-link ref or entry point id starts its trigger", () => {
    expect(start({ reason: "ref", ref: "spring-qr" })).toEqual(["From the poster"]);
    expect(start({ reason: "ref", ref: "ep_42" })).toEqual(["From the poster"]);
    expect(start({ reason: "ref", ref: "autumn" })).toEqual([]);
  });

  it("new contact, tag added and manual starts", () => {
    expect(start({ reason: "new_contact" })).toEqual(["Welcome, new friend"]);
    expect(start({ reason: "tag_added", tag: "vip" })).toEqual(["VIP perks"]);
    expect(start({ reason: "tag_added", tag: "other" })).toEqual([]);
    expect(start({ reason: "manual" })).toEqual(["Default"]);
  });

  it("the trace says why the trigger fired", () => {
    const result = step(flow, null, { type: "start", reason: "keyword", message: { text: "hello" } }, testContext());
    expect(result.trace[0]).toEqual({ nodeId: "byKeyword", kind: "trigger", port: "next", note: 'keyword exact "hello" matched' });
  });

  it("matchTrigger orders ref > keyword > new contact > tag added > first message", () => {
    expect(matchTrigger(flow, { reason: "ref", ref: "spring-qr" })).toEqual({ nodeId: "byRef", priority: TRIGGER_PRIORITY.ref });
    expect(matchTrigger(flow, { reason: "first_message", text: "hello" })).toEqual({ nodeId: "byKeyword", priority: TRIGGER_PRIORITY.keyword });
    expect(matchTrigger(flow, { reason: "first_message", text: "hi" })).toEqual({ nodeId: "fallback", priority: TRIGGER_PRIORITY.first_message });
    const order = [TRIGGER_PRIORITY.ref, TRIGGER_PRIORITY.keyword, TRIGGER_PRIORITY.new_contact, TRIGGER_PRIORITY.tag_added, TRIGGER_PRIORITY.first_message];
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(TRIGGER_PRIORITY.tag_added).toBeGreaterThan(TRIGGER_PRIORITY.first_message);
  });

  it("ties go to the first trigger in stable id order, whatever the document order", () => {
    const graph = buildGraph({ nodes: { z: ["trigger", { anyMessage: true }], a: ["trigger", { anyMessage: true }] } });
    expect(matchTrigger(graph, { reason: "first_message", text: "x" })?.nodeId).toBe("a");
  });

  it("an unconnected trigger is reported and ends the flow at once", () => {
    const doc = buildDoc({ nodes: { t: ["trigger", { anyMessage: true }] } });
    const { graph, diagnostics } = compile(doc);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "unconnected_port", nodeId: "t", port: "next" }));
    const result = conversation(graph!).start({ text: "hi" });
    expect(result.actions).toEqual([{ type: "end", closeConversation: false }]);
  });

  it("warns about a trigger that can never fire and an invalid regex", () => {
    const { diagnostics } = compile(
      buildDoc({ nodes: { t: ["trigger", {}], r: ["trigger", { keywords: [{ match: "regex", value: "([a-z" }] }], m: ["message", { text: "x" }] }, edges: ["t -> m", "r -> m"] }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "trigger_never_fires", nodeId: "t", severity: "warning" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "trigger_never_fires", nodeId: "r", severity: "warning" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_regex", nodeId: "r", severity: "error" }));
  });

  it("invalid data (an empty keyword) is reported and never matches", () => {
    const doc = buildDoc({ nodes: { t: ["trigger", { keywords: [{ match: "exact", value: "" }] }], m: ["message", { text: "x" }] }, edges: ["t -> m"] });
    const { graph, diagnostics } = compile(doc);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "t" }));
    expect(matchTrigger(graph!, { reason: "first_message", text: "" })).toBeUndefined();
    const forced = step(graph!, null, { type: "start", reason: "manual", triggerNodeId: "t" }, testContext());
    expect(forced.actions).toMatchObject([{ type: "error", code: "invalid_data", nodeId: "t" }]);
  });
});
