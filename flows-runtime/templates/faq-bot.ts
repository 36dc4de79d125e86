import type { EditorDocument } from "../graph/editor-doc";
import { templateDoc } from "./template-doc";

// Answers common questions from a Q&A list in English and Japanese, asks whether there is anything
// else, and hands over to the support team when it has no answer.
export function faqBot(): EditorDocument {
  return templateDoc({
    id: "faq-bot",
    name: "FAQ bot",
    nodes: [
      {
        id: "start",
        kind: "trigger",
        column: 0,
        row: 1,
        data: { anyMessage: true, keywords: ["faq", "question", "質問"].map((value) => ({ match: "contains", value })) },
      },
      {
        id: "faq",
        kind: "faq",
        column: 1,
        row: 1,
        data: {
          askFirst: "What would you like to know? You can ask about our hours, prices, shipping, refunds or how to reach us.\nご質問をどうぞ（営業時間・料金・配送・返品・お問い合わせ先など）。",
          entries: FAQ_ENTRIES,
        },
      },
      {
        id: "anything_else",
        kind: "question",
        column: 2,
        row: 0,
        data: { prompt: "Anything else I can help with? / 他にご質問はありますか？", answerType: "yes_no", saveTo: { target: "variable", key: "more_questions" } },
      },
      {
        id: "wants_more",
        kind: "condition",
        column: 3,
        row: 0,
        data: { rules: [{ id: "yes", label: "Has another question", all: [{ subject: { kind: "variable", key: "more_questions" }, operator: "equals", value: "true" }] }] },
      },
      {
        id: "goodbye",
        kind: "message",
        column: 4,
        row: 0,
        data: { text: "Thanks for chatting with us! 👋\nご利用ありがとうございました！" },
      },
      {
        id: "no_answer",
        kind: "message",
        column: 2,
        row: 2,
        data: { text: "Sorry, I don't have an answer for that yet. I'm passing you to our support team.\n申し訳ありません、その質問にはお答えできません。サポート担当におつなぎします。" },
      },
      { id: "to_support", kind: "handoff", column: 3, row: 2, data: { team: "support", note: "The FAQ bot had no answer for: {{vars.faq_question}}" } },
      { id: "done", kind: "end", column: 5, row: 1, data: {} },
    ],
    edges: [
      ["start", "next", "faq"],
      ["faq", "answered", "anything_else"],
      ["faq", "no_match", "no_answer"],
      ["anything_else", "answered", "wants_more"],
      ["anything_else", "invalid", "goodbye"],
      // Back to the FAQ: not an instant loop, because the FAQ step asks and waits for the question.
      ["wants_more", "yes", "faq"],
      ["wants_more", "else", "goodbye"],
      ["goodbye", "next", "done"],
      ["no_answer", "next", "to_support"],
      ["to_support", "next", "done"],
    ],
  });
}

const FAQ_ENTRIES = [
  {
    id: "hours",
    question: "What are your opening hours?",
    alternatives: ["When are you open?", "business hours", "営業時間は何時ですか", "何時まで開いていますか"],
    answer: "We're open Monday to Friday, 9:00–18:00 (JST).\n営業時間は平日9:00〜18:00です。",
  },
  {
    id: "pricing",
    question: "How much does it cost?",
    alternatives: ["What are your prices?", "pricing plans", "料金はいくらですか", "値段を教えて"],
    answer: "Plans start at $29/month, and there is a free 14-day trial.\n料金は月額3,000円からで、14日間の無料トライアルがあります。",
  },
  {
    id: "shipping",
    question: "How long does shipping take?",
    alternatives: ["When will my order arrive?", "delivery time", "配送にはどのくらいかかりますか", "いつ届きますか"],
    answer: "Orders ship within 2 business days and usually arrive 3–5 days later.\nご注文から2営業日以内に発送し、通常3〜5日でお届けします。",
  },
  {
    id: "refunds",
    question: "Can I get a refund?",
    alternatives: ["How do returns work?", "return policy", "返金できますか", "返品したい"],
    answer: "Yes: you can return any item within 30 days for a full refund.\n30日以内であれば全額返金で返品いただけます。",
  },
  {
    id: "contact",
    question: "How can I contact you?",
    alternatives: ["What is your phone number?", "email address", "問い合わせ先を教えて", "電話番号は"],
    answer: "Email us at hello@example.com or call +81 3-1234-5678 on weekdays.\nhello@example.com または 03-1234-5678（平日）までご連絡ください。",
  },
  {
    id: "payment",
    question: "Which payment methods do you accept?",
    alternatives: ["Can I pay by credit card?", "payment options", "支払い方法は", "クレジットカードは使えますか"],
    answer: "We accept credit cards, PayPal and bank transfer.\nクレジットカード、PayPal、銀行振込がご利用いただけます。",
  },
];
