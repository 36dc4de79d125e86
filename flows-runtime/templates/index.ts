import type { EditorDocument } from "../graph/editor-doc";
import { faqBot } from "./faq-bot";
import { greetingAway } from "./greeting-away";
import { leadCapture } from "./lead-capture";
import { onboardingSurvey } from "./onboarding-survey";
import { taggingRules } from "./tagging-rules";

export type StarterTemplate = { id: string; name: string; description: string; build: () => EditorDocument };

// The flows a new workspace can start from. Each build() returns a fresh document that compiles
// without errors; the builder copies it under a new id.
export const starterTemplates: StarterTemplate[] = [
  {
    id: "onboarding-survey",
    name: "Onboarding survey",
    description: "Welcome new contacts and ask what brings them here, their company size and email; answers become tags and contact fields.",
    build: onboardingSurvey,
  },
  {
    id: "greeting-away",
    name: "Greeting and away message",
    description: "Greet every new conversation during business hours, and tell contacts when you are back outside them.",
    build: greetingAway,
  },
  {
    id: "tagging-rules",
    name: "Tagging rules",
    description: "Tag contacts who ask about pricing or support (in English or Japanese) and confirm their message was received.",
    build: taggingRules,
  },
  {
    id: "lead-capture",
    name: "Lead capture",
    description: "Collect name, email, phone and budget, then hand the conversation to your sales team with a summary.",
    build: leadCapture,
  },
  {
    id: "faq-bot",
    name: "FAQ bot",
    description: "Answer common questions about hours, pricing, shipping, refunds and contact details; hand over to support when unsure.",
    build: faqBot,
  },
];
