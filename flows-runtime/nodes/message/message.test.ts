import { describe, expect, it } from "vitest";
import { compile } from "../../compile/compile";
import { buildDoc } from "../../testing/build-doc";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

const run = (data: unknown, contact = {}) =>
  conversation(buildGraph({ nodes: { t: ["trigger", { anyMessage: true }], m: ["message", data] }, edges: ["t -> m"] }), { contact }).start({ text: "hi" });

describe("message node", () => {
  it("renders contact fields, tags and the channel into the text", () => {
    const result = run(
      { text: 'Hi {{contact.first_name | default: "there"}} ({{contact.tags}}) on {{channel}}' },
      { fields: { first_name: "Yuki" }, tags: ["vip", "jp"], channel: "line" },
    );
    expect(sentTexts(result)).toEqual(["Hi Yuki (vip, jp) on line"]);
    expect(run({ text: 'Hi {{contact.first_name | default: "there"}}' }).actions[0]).toMatchObject({ message: { text: "Hi there" } });
  });

  it("sends media and quick replies whose payload defaults to the label", () => {
    const result = run({
      text: "Menu",
      media: { kind: "image", url: "https://example.com/menu.png" },
      choices: [{ id: "a", label: "Lunch" }, { id: "b", label: "Dinner", payload: "DINNER" }],
    });
    expect(result.actions[0]).toEqual({
      type: "send",
      nodeId: "m",
      message: {
        text: "Menu",
        media: { kind: "image", url: "https://example.com/menu.png" },
        choices: [{ id: "a", label: "Lunch", payload: "Lunch" }, { id: "b", label: "Dinner", payload: "DINNER" }],
      },
    });
  });

  it("continues by next, and ends the flow when next is not connected", () => {
    const graph = buildGraph({
      nodes: { t: ["trigger", { anyMessage: true }], a: ["message", { text: "One" }], b: ["message", { text: "Two" }] },
      edges: ["t -> a", "a -> b"],
    });
    const result = conversation(graph).start();
    expect(sentTexts(result)).toEqual(["One", "Two"]);
    expect(result.actions.at(-1)).toEqual({ type: "end", closeConversation: false });
  });

  it("sends nothing when the text renders empty", () => {
    const result = run({ text: "{{contact.nickname}}" });
    expect(sentTexts(result)).toEqual([]);
    expect(result.trace[1]?.note).toMatch(/nothing to send/);
  });

  it("reports empty messages, unlabeled buttons and invalid data", () => {
    const { diagnostics } = compile(
      buildDoc({
        nodes: { t: ["trigger", { anyMessage: true }], e: ["message", {}], b: ["message", { text: "x", choices: [{ id: "a" }] }], bad: ["message", { media: { kind: "gif" } }] },
        edges: ["t -> e", "e -> b", "b -> bad"],
      }),
    );
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "empty_message", nodeId: "e", severity: "error" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "empty_choice_label", nodeId: "b", severity: "error" }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "invalid_data", nodeId: "bad", severity: "error" }));
  });

  it("warns per channel when the message breaks its limits", () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, label: `Choice ${i}` }));
    const { diagnostics } = compile(buildDoc({ channels: ["whatsapp"], nodes: { t: ["trigger", { anyMessage: true }], m: ["message", { text: "Pick", choices }] }, edges: ["t -> m"] }));
    expect(diagnostics.filter((d) => d.code === "channel_limit").length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code !== "channel_limit" || d.message.includes("WhatsApp"))).toBe(true);
  });
});
