import type { EditorDocument } from "../graph/editor-doc";
import { templateDoc } from "./template-doc";

// Collects name, email, phone and budget into contact fields, then hands the conversation to the sales
// team with a summary note. A contact who cannot answer one question skips to the next.
export function leadCapture(): EditorDocument {
  return templateDoc({
    id: "lead-capture",
    name: "Lead capture",
    fields: ["budget"],
    nodes: [
      {
        id: "start",
        kind: "trigger",
        column: 0,
        row: 1,
        data: { keywords: ["quote", "demo", "sales", "見積", "デモ"].map((value) => ({ match: "contains", value })), refs: ["lead"] },
      },
      {
        id: "intro",
        kind: "message",
        column: 1,
        row: 1,
        data: { text: "Happy to help! A few details and we'll connect you with our sales team." },
      },
      {
        id: "ask_name",
        kind: "question",
        column: 2,
        row: 1,
        data: { prompt: "What's your first name?", answerType: "text", saveTo: { target: "field", key: "first_name" } },
      },
      {
        id: "ask_email",
        kind: "question",
        column: 3,
        row: 1,
        data: { prompt: "Thanks, {{contact.first_name}}! What's your work email?", answerType: "email", saveTo: { target: "field", key: "email" } },
      },
      {
        id: "ask_phone",
        kind: "question",
        column: 4,
        row: 1,
        // Set the default country to where most of your customers are, so they can leave out the +code.
        data: { prompt: "And a phone number we can reach you on?", answerType: "phone", defaultCountry: "US", saveTo: { target: "field", key: "phone" } },
      },
      {
        id: "ask_budget",
        kind: "question",
        column: 5,
        row: 1,
        data: {
          prompt: "What budget do you have in mind?",
          answerType: "choice",
          choices: [
            { id: "under_1k", label: "Under $1,000" },
            { id: "1k_to_5k", label: "$1,000 - $5,000" },
            { id: "over_5k", label: "Over $5,000" },
          ],
          saveTo: { target: "field", key: "budget" },
        },
      },
      {
        id: "to_sales",
        kind: "handoff",
        column: 6,
        row: 1,
        data: {
          team: "sales",
          note: 'New lead: {{contact.first_name | default: "(no name)"}}, {{contact.email | default: "no email"}}, {{contact.phone | default: "no phone"}}, budget {{contact.budget | default: "not given"}}.',
        },
      },
      {
        id: "follow_up",
        kind: "message",
        column: 7,
        row: 1,
        data: { text: 'Thanks, {{contact.first_name | default: "there"}}! A person from our sales team will follow up with you shortly.' },
      },
      { id: "done", kind: "end", column: 8, row: 1, data: {} },
    ],
    edges: [
      ["start", "next", "intro"],
      ["intro", "next", "ask_name"],
      ["ask_name", "answered", "ask_email"],
      ["ask_name", "invalid", "ask_email"],
      ["ask_email", "answered", "ask_phone"],
      ["ask_email", "invalid", "ask_phone"],
      ["ask_phone", "answered", "ask_budget"],
      ["ask_phone", "invalid", "ask_budget"],
      ["ask_budget", "under_1k", "to_sales"],
      ["ask_budget", "1k_to_5k", "to_sales"],
      ["ask_budget", "over_5k", "to_sales"],
      ["ask_budget", "invalid", "to_sales"],
      ["to_sales", "next", "follow_up"],
      ["follow_up", "next", "done"],
    ],
  });
}
