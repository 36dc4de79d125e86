import type { EditorDocument } from "../graph/editor-doc";
import { templateDoc } from "./template-doc";

// Tags contacts by what they ask about, so the inbox can be filtered and follow-ups targeted. A message
// about both ("料金とサポートについて") gets both tags: the two checks run one after the other.
export function taggingRules(): EditorDocument {
  return templateDoc({
    id: "tagging-rules",
    name: "Tagging rules",
    nodes: [
      {
        id: "start",
        kind: "trigger",
        column: 0,
        row: 1,
        data: { keywords: [...PRICING_WORDS, ...SUPPORT_WORDS].map((value) => ({ match: "contains", value })) },
      },
      {
        id: "is_pricing",
        kind: "condition",
        column: 1,
        row: 1,
        data: { rules: [{ id: "pricing", label: "Asks about pricing", all: [lastMessageMatches(PRICING_WORDS)] }] },
      },
      { id: "tag_pricing", kind: "tag", column: 2, row: 0, data: { add: ["pricing-interest"] } },
      {
        id: "is_support",
        kind: "condition",
        column: 3,
        row: 1,
        data: { rules: [{ id: "support", label: "Needs support", all: [lastMessageMatches(SUPPORT_WORDS)] }] },
      },
      { id: "tag_support", kind: "tag", column: 4, row: 0, data: { add: ["support"] } },
      {
        id: "confirm",
        kind: "message",
        column: 5,
        row: 1,
        data: {
          text:
            "Thanks for your message! We've passed it to the right team and will get back to you soon.\n" +
            "お問い合わせありがとうございます。担当チームに共有しましたので、しばらくお待ちください。",
        },
      },
      { id: "done", kind: "end", column: 6, row: 1, data: {} },
    ],
    edges: [
      ["start", "next", "is_pricing"],
      ["is_pricing", "pricing", "tag_pricing"],
      ["is_pricing", "else", "is_support"],
      ["tag_pricing", "next", "is_support"],
      ["is_support", "support", "tag_support"],
      ["is_support", "else", "confirm"],
      ["tag_support", "next", "confirm"],
      ["confirm", "next", "done"],
    ],
  });
}

const PRICING_WORDS = ["price", "pricing", "cost", "料金", "値段", "価格"];
const SUPPORT_WORDS = ["support", "help", "サポート", "問い合わせ"];

function lastMessageMatches(words: readonly string[]) {
  return { subject: { kind: "last_message" }, operator: "matches_regex", value: words.join("|") };
}
