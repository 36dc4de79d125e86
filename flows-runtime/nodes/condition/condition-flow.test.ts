import { describe, expect, it } from "vitest";
import { buildGraph } from "../../testing/build-graph";
import { conversation, sentTexts } from "../../testing/conversation";

describe("condition node through step()", () => {
  const graph = buildGraph({
    nodes: {
      t: ["trigger", { anyMessage: true }],
      size: ["question", { prompt: "How many seats?", answerType: "text", saveTo: { target: "field", key: "seats" } }],
      vip: ["tag", { add: ["vip"] }],
      route: [
        "condition",
        {
          rules: [
            { id: "big", label: "Big team", all: [{ subject: { kind: "field", key: "seats" }, operator: "greater_than", value: "50" }, { operator: "has_tag", value: "vip" }] },
            { id: "jp", label: "Japanese", all: [{ subject: { kind: "last_message" }, operator: "matches_regex", value: "[ぁ-んァ-ン一-龯]" }] },
          ],
        },
      ],
      big: ["message", { text: "Let me get our enterprise team." }],
      jp: ["message", { text: "ありがとうございます。" }],
      other: ["message", { text: "Thanks!" }],
    },
    edges: ["t -> size", "size:answered -> vip", "vip -> route", "route:big -> big", "route:jp -> jp", "route:else -> other"],
  });

  it("sees a field saved and a tag added earlier in the same step, comparing typed text as a number", () => {
    const chat = conversation(graph);
    chat.start({ text: "hi" });
    expect(sentTexts(chat.say("120"))).toEqual(["Let me get our enterprise team."]);
  });

  it("falls through to the next rule and to else", () => {
    const japanese = conversation(graph);
    japanese.start({ text: "こんにちは" });
    expect(sentTexts(japanese.say("５人"))).toEqual(["ありがとうございます。"]);
    const small = conversation(graph);
    small.start({ text: "hi" });
    expect(sentTexts(small.say("5"))).toEqual(["Thanks!"]);
  });
});
