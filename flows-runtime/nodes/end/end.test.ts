import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

const endGraph = (data: unknown) =>
  buildGraph({
    nodes: { t: ["trigger", { anyMessage: true }], m: ["message", { text: "Bye!" }], e: ["end", data] },
    edges: ["t -> m", "m -> e"],
  });

describe("end node", () => {
  it("ends the flow without closing the conversation by default", () => {
    const result = conversation(endGraph({})).start();
    expect(sentTexts(result)).toEqual(["Bye!"]);
    expect(result.actions.at(-1)).toEqual({ type: "end", closeConversation: false });
    expect(result.session.status).toBe("ended");
  });

  it("can close the conversation", () => {
    const result = conversation(endGraph({ closeConversation: true })).start();
    expect(result.actions.at(-1)).toEqual({ type: "end", closeConversation: true });
    expect(result.trace.at(-1)?.note).toBe("flow ended, conversation closed");
  });

  it("a message after the end is ignored", () => {
    const chat = conversation(endGraph({}));
    chat.start();
    expect(chat.say("hello?").actions).toEqual([]);
  });

  it("rejects invalid data", () => {
    const { diagnostics } = compile(buildDoc({ nodes: { t: ["trigger", { anyMessage: true }], e: ["end", { closeConversation: "yes" }] }, edges: ["t -> e"] }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "e" }));
  });
});
