import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import type { HttpRequest } from "../../engine/actions";
import { buildDoc, type DocDescription } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

const description: DocDescription = {
  nodes: {
    t: ["trigger", { anyMessage: true }],
    order: ["question", { prompt: "Your order number?", answerType: "text", saveTo: { key: "order_id" } }],
    lookup: ["http_request", { url: "https://shop.example/api/orders/{{vars.order_id}}", responseMapping: [{ variable: "status", path: "order.status" }] }],
    found: ["message", { text: "Order {{vars.order_id}} is {{vars.status}}." }],
    failed: ["message", { text: "Sorry, I couldn't look that up ({{vars.http_error.code}})." }],
  },
  edges: ["t -> order", "order:answered -> lookup", "lookup:success -> found", "lookup:failure -> failed"],
};

describe("http_request node through step()", () => {
  it("waits for the host's result, then renders the mapped variable", () => {
    const chat = conversation(buildGraph(description));
    chat.start({ text: "hi" });
    const asked = chat.say("A-17");
    expect(asked.actions).toContainEqual(
      expect.objectContaining({ type: "http_request", request: expect.objectContaining({ method: "GET", url: "https://shop.example/api/orders/A-17" }) }),
    );
    expect(chat.session?.waiting).toMatchObject({ for: "http", nodeId: "lookup" });
    expect(sentTexts(chat.httpResult({ ok: true, status: 200, body: { order: { status: "shipped" } } }))).toEqual(["Order A-17 is shipped."]);
  });

  it("uses a synchronous resolver in the same step, and leaves by failure on a timeout", () => {
    const calls: HttpRequest[] = [];
    const http = (request: HttpRequest) => {
      calls.push(request);
      return { ok: false as const, code: "http_timeout", message: "no answer in 10 s" };
    };
    const chat = conversation(buildGraph(description), { http });
    chat.start({ text: "hi" });
    expect(sentTexts(chat.say("A-18"))).toEqual(["Sorry, I couldn't look that up (http_timeout)."]);
    expect(calls).toHaveLength(1);
  });

  it("does not count as waiting: an http node looping on itself is an instant cycle", () => {
    const { diagnostics } = compile(
      buildDoc({
        nodes: { t: ["trigger", { anyMessage: true }], poll: ["http_request", { url: "https://x.example/poll" }] },
        edges: ["t -> poll", "poll:success -> poll", "poll:failure -> poll"],
      }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "instant_loop", severity: "error" }));
  });
});
