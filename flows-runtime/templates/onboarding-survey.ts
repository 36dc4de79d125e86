import type { EditorDocument } from "../graph/editor-doc";
import { templateDoc } from "./template-doc";

// Welcomes a new contact and asks three questions: what they came for (a tag per answer), their
// company size and their email (contact fields), so the team can segment from the first conversation.
export function onboardingSurvey(): EditorDocument {
  return templateDoc({
    id: "onboarding-survey",
    name: "Onboarding survey",
    fields: ["interest", "company_size"],
    nodes: [
      {
        id: "start",
        kind: "trigger",
        column: 0,
        row: 1,
        data: { anyMessage: true, keywords: [{ match: "exact", value: "start" }, { match: "exact", value: "スタート" }] },
      },
      {
        id: "welcome",
        kind: "message",
        column: 1,
        row: 1,
        data: { text: 'Hi {{contact.first_name | default: "there"}}! Welcome! Three quick questions so we can help you better.' },
      },
      {
        id: "ask_interest",
        kind: "question",
        column: 2,
        row: 1,
        data: {
          prompt: "What brings you here?",
          answerType: "choice",
          choices: [
            { id: "pricing", label: "Pricing and plans" },
            { id: "support", label: "Help with my account" },
            { id: "browsing", label: "Just looking around" },
          ],
          saveTo: { target: "field", key: "interest" },
        },
      },
      { id: "tag_pricing", kind: "tag", column: 3, row: 0, data: { add: ["interest-pricing"] } },
      { id: "tag_support", kind: "tag", column: 3, row: 1, data: { add: ["interest-support"] } },
      { id: "tag_browsing", kind: "tag", column: 3, row: 2, data: { add: ["interest-browsing"] } },
      {
        id: "ask_company_size",
        kind: "question",
        column: 4,
        row: 1,
        data: {
          prompt: "How many people work at your company?",
          answerType: "number",
          min: 1,
          max: 1_000_000,
          saveTo: { target: "field", key: "company_size" },
        },
      },
      {
        id: "ask_email",
        kind: "question",
        column: 5,
        row: 1,
        data: {
          prompt: "Last one: what's your email address?",
          answerType: "email",
          saveTo: { target: "field", key: "email" },
        },
      },
      {
        id: "thanks",
        kind: "message",
        column: 6,
        row: 1,
        data: { text: 'Thanks, {{contact.first_name | default: "there"}}! You\'re all set. Reply anytime if you have a question.' },
      },
      { id: "done", kind: "end", column: 7, row: 1, data: {} },
    ],
    edges: [
      ["start", "next", "welcome"],
      ["welcome", "next", "ask_interest"],
      ["ask_interest", "pricing", "tag_pricing"],
      ["ask_interest", "support", "tag_support"],
      ["ask_interest", "browsing", "tag_browsing"],
      // Someone who cannot pick an option still gets the rest of the survey.
      ["ask_interest", "invalid", "ask_company_size"],
      ["tag_pricing", "next", "ask_company_size"],
      ["tag_support", "next", "ask_company_size"],
      ["tag_browsing", "next", "ask_company_size"],
      ["ask_company_size", "answered", "ask_email"],
      ["ask_company_size", "invalid", "ask_email"],
      ["ask_email", "answered", "thanks"],
      ["ask_email", "invalid", "thanks"],
      ["thanks", "next", "done"],
    ],
  });
}
