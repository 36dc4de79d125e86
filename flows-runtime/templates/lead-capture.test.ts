import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { runConversation } from "../testing/run-conversation";
import { leadCapture } from "./lead-capture";

const graph = compile(leadCapture()).graph!;

describe("lead-capture template", () => {
  it("collects name, email, phone and budget, then hands over to sales (English)", () => {
    const chat = runConversation(graph, ["Can I get a quote?", "Sam", "sam@acme.io", "(415) 796-1234", "3"]);
    expect(chat.replies).toEqual([
      ["Happy to help! A few details and we'll connect you with our sales team.", "What's your first name?"],
      ["Thanks, Sam! What's your work email?"],
      ["And a phone number we can reach you on?"],
      ["What budget do you have in mind?"],
      ["Thanks, Sam! A person from our sales team will follow up with you shortly."],
    ]);
    expect(chat.turns[3]?.replies[0]?.choices.map((choice) => choice.label)).toEqual(["Under $1,000", "$1,000 - $5,000", "Over $5,000"]);
    expect(chat.contact.fields).toEqual({ first_name: "Sam", email: "sam@acme.io", phone: "+14157961234", budget: "Over $5,000" });
    expect(chat.handoffs).toEqual([
      { type: "handoff", nodeId: "to_sales", team: "sales", note: "New lead: Sam, sam@acme.io, +14157961234, budget Over $5,000." },
    ]);
    expect(chat.session?.status).toBe("ended");
  });

  it("accepts full-width Japanese input and a tapped budget button", () => {
    const chat = runConversation(
      graph,
      ["見積もりをお願いします", "愛子", "ａｉｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", "０９０１２３４", "＋８１ ９０－１２３４－５６７８", "２"],
      { contact: { channel: "line", fields: { locale: "ja-JP" } } },
    );
    expect(chat.replies[1]).toEqual(["Thanks, 愛子! What's your work email?"]);
    // A too-short number is re-asked with a Japanese hint.
    expect(chat.replies[3]).toEqual(["すみません、うまく読み取れませんでした。正しい電話番号を送ってください（例: 090-1234-5678）。"]);
    expect(chat.contact.fields).toMatchObject({ first_name: "愛子", email: "aiko@example.jp", phone: "+819012345678", budget: "$1,000 - $5,000" });
    expect(chat.handoffs[0]?.note).toBe("New lead: 愛子, aiko@example.jp, +819012345678, budget $1,000 - $5,000.");
    expect(chat.replies[5]).toEqual(["Thanks, 愛子! A person from our sales team will follow up with you shortly."]);
  });

  it("still hands over when the contact will not give an email", () => {
    const chat = runConversation(graph, ["demo please", "Ken", "no", "nope", "no thanks", "+44 20 7946 0958", { payload: "under_1k", text: "Under $1,000" }]);
    expect(chat.replies[4]).toEqual(["And a phone number we can reach you on?"]);
    expect(chat.contact.fields).toEqual({ first_name: "Ken", phone: "+442079460958", budget: "Under $1,000" });
    expect(chat.handoffs[0]?.note).toBe("New lead: Ken, no email, +442079460958, budget Under $1,000.");
  });
});
