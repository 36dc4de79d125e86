import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { runConversation } from "../testing/run-conversation";
import { faqBot } from "./faq-bot";

const graph = compile(faqBot()).graph!;
const ASK = "What would you like to know? You can ask about our hours, prices, shipping, refunds or how to reach us.\nご質問をどうぞ（営業時間・料金・配送・返品・お問い合わせ先など）。";
const ANYTHING_ELSE = "Anything else I can help with? / 他にご質問はありますか？";
const GOODBYE = "Thanks for chatting with us! 👋\nご利用ありがとうございました！";

describe("faq-bot template", () => {
  it("answers questions in a loop until the contact says no (English)", () => {
    const chat = runConversation(graph, ["hi", "When are you open?", "yes", "do you do refunds?", { payload: "no", text: "No" }]);
    expect(chat.replies).toEqual([
      [ASK],
      ["We're open Monday to Friday, 9:00–18:00 (JST).\n営業時間は平日9:00〜18:00です。", ANYTHING_ELSE],
      [ASK],
      ["Yes: you can return any item within 30 days for a full refund.\n30日以内であれば全額返金で返品いただけます。", ANYTHING_ELSE],
      [GOODBYE],
    ]);
    expect(chat.turns[1]?.replies[1]?.choices).toEqual([
      { id: "yes", label: "Yes", payload: "yes" },
      { id: "no", label: "No", payload: "no" },
    ]);
    expect(chat.session?.status).toBe("ended");
    expect(chat.handoffs).toEqual([]);
  });

  it("understands Japanese questions and はい / いいえ", () => {
    const chat = runConversation(graph, ["質問があります", "営業時間は何時までですか？", "はい", "配送はどのくらいかかりますか", "いいえ"], {
      contact: { channel: "line", fields: { locale: "ja-JP" } },
    });
    expect(chat.replies[1]?.[0]).toContain("営業時間は平日9:00〜18:00です。");
    expect(chat.replies[2]).toEqual([ASK]);
    expect(chat.replies[3]?.[0]).toContain("通常3〜5日でお届けします");
    expect(chat.replies[4]).toEqual([GOODBYE]);
    expect(chat.session?.variables).toMatchObject({ faq_match: "shipping", more_questions: false });
  });

  it("hands over to support with the unanswered question when nothing matches", () => {
    const chat = runConversation(graph, ["hello", "Can I bring my dog into the store?"]);
    expect(chat.replies[1]).toEqual([
      "Sorry, I don't have an answer for that yet. I'm passing you to our support team.\n申し訳ありません、その質問にはお答えできません。サポート担当におつなぎします。",
    ]);
    expect(chat.handoffs).toEqual([
      { type: "handoff", nodeId: "to_support", team: "support", note: "The FAQ bot had no answer for: Can I bring my dog into the store?" },
    ]);
  });

  it("re-asks yes/no in the contact's language when the answer is neither", () => {
    const chat = runConversation(graph, ["質問", "料金はいくらですか", "たぶん"], { contact: { fields: { locale: "ja-JP" } } });
    expect(chat.replies[1]?.[0]).toContain("月額3,000円から");
    expect(chat.replies[2]).toEqual(["すみません、うまく読み取れませんでした。「はい」か「いいえ」で答えてください。"]);
  });
});
