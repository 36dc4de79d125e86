import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

// The question kind driven through step(), as the runtime runs it.
const graph = buildGraph({
  nodes: {
    t: ["trigger", { anyMessage: true }],
    when: ["question", { prompt: "Which day suits you?", answerType: "date", saveTo: { target: "field", key: "visit_date" }, timeout: { amount: 1, unit: "hours" } }],
    ok: ["message", { text: "See you on {{contact.visit_date}}." }],
    late: ["message", { text: "No rush — message us when you know." }],
    gave_up: ["message", { text: "Let's try that another time." }],
  },
  edges: ["t -> when", "when:answered -> ok", "when:timeout -> late", "when:invalid -> gave_up"],
});

describe("question node through step()", () => {
  it("saves the answer to the contact before the next message renders it, and cancels the timeout", () => {
    const chat = conversation(graph);
    const asked = chat.start({ text: "hi" });
    expect(sentTexts(asked)).toEqual(["Which day suits you?"]);
    const timer = asked.actions.find((action) => action.type === "schedule");
    expect(timer).toMatchObject({ at: chat.now + 3_600_000 });
    const answered = chat.say("2026年4月3日");
    expect(sentTexts(answered)).toEqual(["See you on 2026-04-03."]);
    expect(answered.actions).toContainEqual({ type: "cancel", key: timer?.type === "schedule" ? timer.key : "" });
    expect(chat.contact.fields).toEqual({ visit_date: "2026-04-03" });
  });

  it("re-asks on invalid answers without extending the timeout, then leaves by timeout", () => {
    const chat = conversation(graph);
    chat.start({ text: "hi" });
    expect(sentTexts(chat.say("someday"))).toEqual(["Sorry, I didn't get that. Please send the date as YYYY-MM-DD, for example 2026-03-31."]);
    expect(chat.session?.waiting).toMatchObject({ for: "input", attempts: 1 });
    expect(sentTexts(chat.fireTimer())).toEqual(["No rush — message us when you know."]);
    expect(chat.session?.status).toBe("ended");
  });

  it("leaves by invalid after the third bad answer", () => {
    const chat = conversation(graph);
    chat.start({ text: "hi" });
    chat.say("a");
    chat.say("b");
    const last = chat.say("c");
    expect(sentTexts(last)).toEqual(["Let's try that another time."]);
    expect(last.actions).toContainEqual(expect.objectContaining({ type: "cancel" }));
  });

  it("reports duplicate labels after normalising, on the second choice's port", () => {
    const { diagnostics } = compile(
      buildDoc({
        nodes: {
          t: ["trigger", { anyMessage: true }],
          q: ["question", { prompt: "Size?", answerType: "choice", choices: [{ id: "s", label: "Small" }, { id: "s2", label: "ｓｍａｌｌ" }] }],
        },
        edges: ["t -> q", "q:s -> t"],
      }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "duplicate_choice", nodeId: "q", port: "s2", severity: "error" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "unconnected_port", nodeId: "q", port: "s2" }));
  });
});
