import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { runConversation } from "../testing/run-conversation";
import { onboardingSurvey } from "./onboarding-survey";

const graph = compile(onboardingSurvey()).graph!;

describe("onboarding-survey template", () => {
  it("welcomes, asks three questions and turns the answers into a tag and contact fields (English)", () => {
    const chat = runConversation(graph, ["start", { text: "Pricing and plans", payload: "pricing" }, "about twenty", "25", "aiko@example", "Aiko@Example.com"]);
    expect(chat.replies).toEqual([
      ["Hi there! Welcome! Three quick questions so we can help you better.", "What brings you here?"],
      ["How many people work at your company?"],
      ["Sorry, I didn't get that. Please send a number between 1 and 1000000."],
      ["Last one: what's your email address?"],
      ["Sorry, I didn't get that. Please send a valid email address, for example name@example.com."],
      ["Thanks, there! You're all set. Reply anytime if you have a question."],
    ]);
    expect(chat.turns[0]?.replies[1]?.choices.map((choice) => choice.label)).toEqual(["Pricing and plans", "Help with my account", "Just looking around"]);
    expect(chat.contact.tags).toEqual(["interest-pricing"]);
    expect(chat.contact.fields).toEqual({ interest: "Pricing and plans", company_size: 25, email: "aiko@example.com" });
    expect(chat.session?.status).toBe("ended");
    expect(chat.errors).toEqual([]);
  });

  it("understands full-width Japanese input: ＳＴＡＲＴ / スタート, a choice number ２, １２０ and a full-width ＠", () => {
    const chat = runConversation(graph, ["スタート", "２", "１２０", "あいこ", "aiko＠example.jp"], {
      contact: { fields: { first_name: "愛子", locale: "ja-JP" }, channel: "line" },
    });
    expect(chat.replies[0]?.[0]).toBe("Hi 愛子! Welcome! Three quick questions so we can help you better.");
    expect(chat.replies[3]).toEqual(["すみません、うまく読み取れませんでした。正しいメールアドレスを送ってください（例: name@example.com）。"]);
    expect(chat.replies[4]).toEqual(["Thanks, 愛子! You're all set. Reply anytime if you have a question."]);
    expect(chat.contact.tags).toEqual(["interest-support"]);
    expect(chat.contact.fields).toMatchObject({ interest: "Help with my account", company_size: 120, email: "aiko@example.jp" });
    expect(runConversation(graph, ["ＳＴＡＲＴ"]).replies[0]).toHaveLength(2);
  });

  it("moves on without a tag when the contact never picks an option, re-showing the options each time", () => {
    const chat = runConversation(graph, ["hello", "what?", "hmm", "no idea"]);
    expect(chat.turns[1]?.replies[0]).toMatchObject({
      text: "Sorry, I didn't get that. Please choose one of the options below, or reply with its number.",
      choices: [{ id: "pricing" }, { id: "support" }, { id: "browsing" }],
    });
    expect(chat.replies[3]).toEqual(["How many people work at your company?"]);
    expect(chat.contact.tags).toEqual([]);
    expect(chat.contact.fields).toEqual({});
  });
});
