import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

const waitGraph = (data: unknown) =>
  buildGraph({
    nodes: { t: ["trigger", { anyMessage: true }], w: ["wait", data], after: ["message", { text: "Done waiting" }] },
    edges: ["t -> w", "w -> after"],
  });

describe("wait node", () => {
  it.each([
    [{}, 60_000],
    [{ amount: 30, unit: "seconds" }, 30_000],
    [{ amount: 5, unit: "minutes" }, 300_000],
    [{ amount: 2, unit: "hours" }, 7_200_000],
    [{ amount: 1, unit: "days" }, 86_400_000],
  ])("%j schedules a wake-up %i ms later and waits for it", (data, ms) => {
    const chat = conversation(waitGraph(data));
    const result = chat.start();
    const schedule = result.actions.find((a) => a.type === "schedule");
    expect(schedule).toEqual({ type: "schedule", nodeId: "w", key: "wait:w:0", at: chat.now + ms });
    expect(result.session.waiting).toEqual({ for: "timer", nodeId: "w", timerKey: "wait:w:0" });
    expect(sentTexts(result)).toEqual([]);
  });

  it("continues by next when its own timer fires, ignoring stale ones and messages", () => {
    const chat = conversation(waitGraph({ amount: 1, unit: "hours" }));
    chat.start();
    expect(chat.send({ type: "timer", key: "wait:w:41" }).actions).toEqual([]);
    expect(chat.say("are you there?").actions).toEqual([]);
    const woken = chat.fireTimer();
    expect(sentTexts(woken)).toEqual(["Done waiting"]);
    expect(woken.trace[0]).toEqual({ nodeId: "w", kind: "wait", port: "next", note: "waited 1 hours" });
  });

  it("gives each wait in a session its own key", () => {
    const graph = buildGraph({
      nodes: { t: ["trigger", { anyMessage: true }], w1: ["wait", {}], w2: ["wait", {}] },
      edges: ["t -> w1", "w1 -> w2"],
    });
    const chat = conversation(graph);
    const first = chat.start().session.waiting;
    const second = chat.fireTimer().session.waiting;
    expect(first).toMatchObject({ timerKey: "wait:w1:0" });
    expect(second).toMatchObject({ timerKey: "wait:w2:1" });
  });

  it("rejects a zero or fractional duration", () => {
    const { diagnostics } = compile(
      buildDoc({ nodes: { t: ["trigger", { anyMessage: true }], a: ["wait", { amount: 0 }], b: ["wait", { amount: 1.5 }] }, edges: ["t -> a", "a -> b"] }),
    );
    expect(diagnostics.filter((d) => d.code === "invalid_data").map((d) => d.nodeId)).toEqual(["a", "b"]);
  });
});
