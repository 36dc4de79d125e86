import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import type { FlowGraph } from "../graph/flow-graph";
import { findNodeKind } from "../nodes/find-node-kind";
import { buildDoc } from "../testing/build-doc";
import { seededRandom } from "../testing/seeded-random";
import { testContext } from "../testing/test-context";
import { actionSchema } from "./actions";
import type { EngineEvent } from "./events";
import { sessionSchema, type Session } from "./session";
import { ENGINE_STEP_CAP, step, type StepResult } from "./step";

// Random valid flows (loops without waits included: the step cap must catch them) driven by random
// event sequences. Timer events are described abstractly ("the timer the session waits on", "a stale
// one") and resolved against the session at run time, so the same description replays identically.

const words = ["hi", "hello", "yes", "no", "Small", "Large", "order 12", "ＨＥＬＬＯ", "", "2"];
const tags = ["vip", "lead", "cold"];

const nodeData = fc.oneof(
  fc.record({ kind: fc.constant("message"), data: fc.record({ text: fc.constantFrom("Hi", "Hi {{contact.first_name}}", "{{vars.size}}", "{{contact.tags}}"), choices: fc.constantFrom([], [{ id: "a", label: "Yes" }, { id: "b", label: "No" }]) }) }),
  fc.record({ kind: fc.constant("tag"), data: fc.record({ add: fc.subarray(tags), remove: fc.subarray(tags) }) }),
  fc.record({ kind: fc.constant("set_field"), data: fc.record({ target: fc.constantFrom("field", "variable"), key: fc.constantFrom("size", "plan"), value: fc.constantFrom("big", "{{contact.first_name}}", "{{vars.size}}!") }) }),
  fc.record({ kind: fc.constant("wait"), data: fc.record({ amount: fc.integer({ min: 1, max: 100 }), unit: fc.constantFrom("seconds", "minutes", "hours", "days") }) }),
  fc.record({ kind: fc.constant("end"), data: fc.record({ closeConversation: fc.boolean() }) }),
  fc.record({ kind: fc.constant("handoff"), data: fc.record({ team: fc.constantFrom("sales", "support") }) }),
  fc.record({
    kind: fc.constant("question"),
    data: fc.record({
      prompt: fc.constant("Which size?"),
      answerType: fc.constant("choice"),
      choices: fc.constant([{ id: "small", label: "Small" }, { id: "large", label: "Large" }]),
      maxAttempts: fc.integer({ min: 1, max: 3 }),
      timeout: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 10 }), unit: fc.constant("minutes") }), { nil: undefined }),
    }),
  }),
  fc.record({ kind: fc.constant("split"), data: fc.record({ branches: fc.constant([{ id: "a", label: "A", weight: 50 }, { id: "b", label: "B", weight: 50 }]) }) }),
);

const graphArbitrary = fc
  .record({
    nodes: fc.array(nodeData, { minLength: 1, maxLength: 12 }),
    wiring: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    keyword: fc.constantFrom("hello", "order"),
  })
  .map(({ nodes, wiring, keyword }): FlowGraph => {
    const ids = nodes.map((_, i) => `n${i}`);
    const description: Record<string, readonly [string, unknown]> = {
      t: ["trigger", { anyMessage: true, keywords: [{ match: "contains", value: keyword }], newContact: true, tagAdded: "vip", manual: true }],
    };
    nodes.forEach((node, i) => (description[ids[i] as string] = [node.kind, node.data]));
    const edges = ["t -> n0"];
    let w = 0;
    nodes.forEach((node, i) => {
      const definition = findNodeKind(node.kind);
      const ports = definition ? definition.ports(definition.data.parse(node.data)) : [];
      for (const port of ports) {
        const pick = wiring[w++ % wiring.length] as number;
        // About one port in five is left open: the flow ends there.
        if (pick % 5 === 0) continue;
        edges.push(`n${i}:${port} -> ${ids[pick % ids.length]}`);
      }
    });
    const { graph } = compile(buildDoc({ nodes: description, edges }));
    if (!graph) throw new Error("generated document did not compile");
    return graph;
  });

type EventSpec =
  | { type: "start"; reason: "first_message" | "keyword" | "new_contact" | "tag_added" | "manual" | "ref"; text: string }
  | { type: "message"; text: string; tap: boolean }
  | { type: "current_timer" }
  | { type: "stale_timer" }
  | { type: "http_result" };

const eventArbitrary: fc.Arbitrary<EventSpec> = fc.oneof(
  fc.record({ type: fc.constant("start" as const), reason: fc.constantFrom("first_message", "keyword", "new_contact", "tag_added", "manual", "ref"), text: fc.constantFrom(...words) }),
  fc.record({ type: fc.constant("message" as const), text: fc.constantFrom(...words, "small", "large", "a", "b"), tap: fc.boolean() }),
  fc.constant({ type: "current_timer" as const }),
  fc.constant({ type: "stale_timer" as const }),
  fc.constant({ type: "http_result" as const }),
);

function toEvent(spec: EventSpec, session: Session | null): EngineEvent {
  switch (spec.type) {
    case "start":
      return { type: "start", reason: spec.reason, message: { text: spec.text }, ref: spec.text, tag: "vip" };
    case "message":
      return { type: "message", message: spec.tap ? { payload: spec.text } : { text: spec.text } };
    case "current_timer": {
      const waiting = session?.waiting;
      return { type: "timer", key: waiting && waiting.for !== "http" && waiting.timerKey ? waiting.timerKey : "none" };
    }
    case "stale_timer":
      return { type: "timer", key: "wait:n0:9999" };
    case "http_result":
      return { type: "http_result", requestId: "http:n0:1", result: { ok: true, status: 200, body: {} } };
  }
}

function replay(graph: FlowGraph, specs: readonly EventSpec[], seed: number, maxSteps: number | undefined): StepResult[] {
  const random = seededRandom(seed);
  let session: Session | null = null;
  let contact = testContext().contact;
  const results: StepResult[] = [];
  specs.forEach((spec, i) => {
    const ctx = testContext({ random, contact, now: Date.UTC(2026, 0, 1) + i * 60_000, ...(maxSteps ? { maxSteps } : {}) });
    const result = step(graph, session, toEvent(spec, session), ctx);
    session = result.session;
    for (const action of result.actions) {
      if (action.type === "add_tag" && !contact.tags.includes(action.tag)) contact = { ...contact, tags: [...contact.tags, action.tag] };
      if (action.type === "remove_tag") contact = { ...contact, tags: contact.tags.filter((t) => t !== action.tag) };
      if (action.type === "set_field") contact = { ...contact, fields: { ...contact.fields, [action.field]: action.value } };
    }
    results.push(result);
  });
  return results;
}

describe("step (property)", () => {
  const scenario = fc.record({
    graph: graphArbitrary,
    events: fc.array(eventArbitrary, { minLength: 1, maxLength: 12 }),
    seed: fc.integer(),
    maxSteps: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  });

  it("never throws, stays within the step cap and returns schema-valid sessions and actions", () => {
    fc.assert(
      fc.property(scenario, ({ graph, events, seed, maxSteps }) => {
        const cap = maxSteps ?? ENGINE_STEP_CAP;
        for (const result of replay(graph, events, seed, maxSteps)) {
          // One trace entry per node run, plus at most one engine note ("started here", "stale timer").
          expect(result.trace.filter((entry) => !entry.error).length).toBeLessThanOrEqual(cap + 1);
          expect(sessionSchema.safeParse(result.session).success).toBe(true);
          for (const action of result.actions) expect(actionSchema.safeParse(action).success).toBe(true);
          expect(result.session.path.length).toBeLessThanOrEqual(200);
          if (result.session.status === "waiting") expect(result.session.waiting).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("replaying the same events with the same seed gives identical results", () => {
    fc.assert(
      fc.property(scenario, ({ graph, events, seed, maxSteps }) => {
        expect(replay(graph, events, seed, maxSteps)).toEqual(replay(graph, events, seed, maxSteps));
      }),
      { numRuns: 200 },
    );
  });

  it("a loop with no wait always hits the cap with a visible error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), (length, maxSteps) => {
        const nodes: Record<string, readonly [string, unknown]> = { t: ["trigger", { anyMessage: true }] };
        const edges = ["t -> n0"];
        for (let i = 0; i < length; i++) {
          nodes[`n${i}`] = ["tag", { add: ["x"] }];
          edges.push(`n${i} -> n${(i + 1) % length}`);
        }
        const { graph } = compile(buildDoc({ nodes, edges }));
        const result = step(graph!, null, { type: "start", reason: "first_message" }, testContext(maxSteps ? { maxSteps } : {}));
        expect(result.session.status).toBe("errored");
        expect(result.actions.at(-1)).toMatchObject({ type: "error", code: "step_cap" });
        expect(result.trace.filter((entry) => !entry.error)).toHaveLength(maxSteps ?? ENGINE_STEP_CAP);
      }),
      { numRuns: 50 },
    );
  });
});
