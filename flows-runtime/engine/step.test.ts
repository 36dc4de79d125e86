import { describe, expect, it } from "vitest";
import { buildGraph } from "../testing/build-graph";
import { conversation, sentTexts } from "../testing/conversation";
import { testContext } from "../testing/test-context";
import type { FlowGraph } from "../graph/flow-graph";
import { ENGINE_STEP_CAP, newSession, step } from "./step";

const waitFlow = buildGraph({
  nodes: {
    t: ["trigger", { anyMessage: true }],
    hi: ["message", { text: "Hi" }],
    pause: ["wait", { amount: 10, unit: "minutes" }],
    later: ["message", { text: "Ten minutes later" }],
  },
  edges: ["t -> hi", "hi -> pause", "pause -> later"],
});

const loopFlow = buildGraph({
  nodes: { t: ["trigger", { anyMessage: true }], a: ["tag", { add: ["x"] }], b: ["tag", { remove: ["x"] }] },
  edges: ["t -> a", "a -> b", "b -> a"],
});

describe("step: starting", () => {
  it("picks the matching trigger, runs to the first wait and records the path", () => {
    const result = step(waitFlow, null, { type: "start", reason: "first_message", message: { text: "hey" } }, testContext());
    expect(sentTexts(result)).toEqual(["Hi"]);
    expect(result.session).toMatchObject({ status: "waiting", path: ["t", "hi", "pause"], waiting: { for: "timer", nodeId: "pause" } });
    expect(result.trace.map((entry) => entry.nodeId)).toEqual(["t", "hi", "pause"]);
  });

  it("with no matching trigger does nothing, ends, and says why", () => {
    const result = step(waitFlow, null, { type: "start", reason: "ref", ref: "nope" }, testContext());
    expect(result.actions).toEqual([]);
    expect(result.session.status).toBe("ended");
    expect(result.trace[0]?.note).toMatch(/no trigger .* "ref"/);
  });

  it("'start here' begins at any node, skipping triggers", () => {
    const result = step(waitFlow, null, { type: "start", reason: "manual", nodeId: "later" }, testContext());
    expect(sentTexts(result)).toEqual(["Ten minutes later"]);
    expect(result.actions.at(-1)).toEqual({ type: "end", closeConversation: false });
  });

  it("a start at a node that does not exist is a visible error, not a throw", () => {
    const result = step(waitFlow, null, { type: "start", reason: "manual", nodeId: "ghost" }, testContext());
    expect(result.actions).toEqual([{ type: "error", nodeId: "ghost", code: "unknown_node", message: expect.any(String) }]);
    expect(result.session.status).toBe("errored");
  });

  it("restarting while waiting cancels the old timer and keeps keys unique", () => {
    const first = step(waitFlow, null, { type: "start", reason: "first_message" }, testContext());
    const again = step(waitFlow, first.session, { type: "start", reason: "first_message" }, testContext());
    const oldKey = first.session.waiting?.for === "timer" ? first.session.waiting.timerKey : "";
    expect(again.actions[0]).toEqual({ type: "cancel", key: oldKey });
    expect(again.session.waiting).toMatchObject({ for: "timer" });
    expect(again.session.waiting).not.toEqual(first.session.waiting);
  });

  it("newSession records the graph and its hash", () => {
    expect(newSession(waitFlow)).toMatchObject({ flowId: "flow-test", graphHash: expect.stringMatching(/^[0-9a-f]{64}$/), status: "active", seq: 0 });
  });
});

describe("step: waiting and stale events", () => {
  it("resumes a wait only with its own timer", () => {
    const chat = conversation(waitFlow);
    chat.start();
    const stale = chat.send({ type: "timer", key: "wait:pause:999" });
    expect(stale.actions).toEqual([]);
    expect(stale.trace).toEqual([{ nodeId: "pause", kind: "wait", note: "stale timer ignored (wait:pause:999)" }]);
    expect(stale.session.status).toBe("waiting");
    expect(sentTexts(chat.fireTimer())).toEqual(["Ten minutes later"]);
    expect(chat.session?.status).toBe("ended");
  });

  it("a message while waiting on a timer does nothing", () => {
    const chat = conversation(waitFlow);
    chat.start();
    const result = chat.say("hello?");
    expect(result.actions).toEqual([]);
    expect(result.trace[0]?.note).toMatch(/message ignored: waiting for a timer/);
    expect(result.session).toEqual(chat.history[0]?.session);
  });

  it("a timer after the flow ended is ignored", () => {
    const chat = conversation(waitFlow);
    chat.start();
    const key = chat.session?.waiting?.for === "timer" ? chat.session.waiting.timerKey : "";
    chat.fireTimer();
    const late = chat.send({ type: "timer", key });
    expect(late.actions).toEqual([]);
    expect(late.session.status).toBe("ended");
  });

  it("a stale HTTP result is ignored", () => {
    const chat = conversation(waitFlow);
    chat.start();
    const result = chat.send({ type: "http_result", requestId: "http:x:1", result: { ok: true, status: 200, body: {} } });
    expect(result.actions).toEqual([]);
    expect(result.trace[0]?.note).toMatch(/stale HTTP result ignored/);
  });

  it("a message with no session does nothing", () => {
    const result = step(waitFlow, null, { type: "message", message: { text: "hi" } }, testContext());
    expect(result.actions).toEqual([]);
    expect(result.session.status).toBe("ended");
  });
});

describe("step: guards", () => {
  it(`stops a loop at ${ENGINE_STEP_CAP} nodes with a step_cap error naming the node`, () => {
    const result = step(loopFlow, null, { type: "start", reason: "first_message" }, testContext());
    const error = result.actions.at(-1);
    expect(error).toEqual({ type: "error", nodeId: expect.stringMatching(/^[ab]$/), code: "step_cap", message: expect.stringContaining("200 steps") });
    expect(result.session.status).toBe("errored");
    expect(result.session.error?.code).toBe("step_cap");
    expect(result.trace.filter((entry) => !entry.error)).toHaveLength(ENGINE_STEP_CAP);
    expect(result.trace.at(-1)?.error?.code).toBe("step_cap");
    // The path keeps only the last 200 node ids.
    expect(result.session.path).toHaveLength(200);
  });

  it("ctx.maxSteps lowers the cap", () => {
    const result = step(loopFlow, null, { type: "start", reason: "first_message" }, testContext({ maxSteps: 5 }));
    expect(result.trace.filter((entry) => !entry.error)).toHaveLength(5);
    expect(result.actions.at(-1)).toMatchObject({ type: "error", code: "step_cap" });
  });

  it("a node whose data does not parse errors the session instead of throwing", () => {
    const graph: FlowGraph = { ...waitFlow, nodes: { ...waitFlow.nodes, hi: { id: "hi", kind: "message", data: { text: 5 } } as never } };
    const result = step(graph, null, { type: "start", reason: "first_message" }, testContext());
    expect(result.actions).toEqual([{ type: "error", nodeId: "hi", code: "invalid_data", message: expect.stringContaining("text") }]);
    expect(result.session).toMatchObject({ status: "errored", waiting: null, error: { code: "invalid_data", nodeId: "hi" } });
  });

  it("an edge to a missing node is a visible error", () => {
    const graph: FlowGraph = { ...waitFlow, edges: waitFlow.edges.map((e) => (e.source === "hi" ? { ...e, target: "gone" } : e)) };
    const result = step(graph, null, { type: "start", reason: "first_message" }, testContext());
    expect(result.actions.at(-1)).toMatchObject({ type: "error", code: "unknown_node", nodeId: "gone" });
  });

  it("does not mutate the session or contact it was given", () => {
    const ctx = testContext({ contact: { tags: ["a"] } });
    const first = step(loopFlow, null, { type: "start", reason: "first_message" }, { ...ctx, maxSteps: 3 });
    const frozen = structuredClone(first.session);
    step(waitFlow, first.session, { type: "start", reason: "first_message" }, ctx);
    expect(first.session).toEqual(frozen);
    expect(ctx.contact.tags).toEqual(["a"]);
  });
});
