import { describe, expect, it } from "vitest";
import { choiceToken } from "./choice-token";
import { render } from "./render";
import { resolveChoiceReply } from "./resolve-choice-reply";

const choices = [
  { id: "yes", label: "はい", payload: "はい、".repeat(30) },
  { id: "no", label: "いいえ", payload: "no" },
];

describe("resolveChoiceReply", () => {
  it("matches a tap by its payload, or by the token render() sent instead", () => {
    expect(resolveChoiceReply("no", choices)?.id).toBe("no");
    expect(resolveChoiceReply(choiceToken({ id: "yes" }), choices)?.id).toBe("yes");
    expect(resolveChoiceReply("maybe", choices)).toBeUndefined();
  });

  it("matches what Telegram sends back for a shortened callback_data", () => {
    const sent = render({ text: "予約しますか？", choices }, "telegram").parts[0];
    const data = sent?.kind === "buttons" ? sent.buttons.map((b) => b.payload) : [];
    expect(data.map((d) => resolveChoiceReply(d, choices)?.id)).toEqual(["yes", "no"]);
  });

  it("reads a number, ASCII or full-width, only where choices went out numbered", () => {
    expect(resolveChoiceReply(" 2 ", choices, { acceptNumbers: true })?.id).toBe("no");
    expect(resolveChoiceReply("１", choices, { acceptNumbers: true })?.id).toBe("yes");
    expect(resolveChoiceReply("3", choices, { acceptNumbers: true })).toBeUndefined();
    expect(resolveChoiceReply("2", choices)).toBeUndefined();
  });
});
