import { z } from "zod";
import { answerTypeSchema } from "../../answers/parse-answer";
import type { OutboundChoice, OutboundMessage } from "../../channels/outbound-message";

export const questionChoiceSchema = z.object({
  // Also the output port: renaming a label never rewires the flow.
  id: z.string().min(1),
  label: z.string().default(""),
  // What the button sends back; defaults to the id.
  payload: z.string().optional(),
});
export type QuestionChoice = z.infer<typeof questionChoiceSchema>;

export const questionTimeoutSchema = z.object({
  amount: z.number().int().min(1),
  unit: z.enum(["seconds", "minutes", "hours", "days"]).default("minutes"),
});
export type QuestionTimeout = z.infer<typeof questionTimeoutSchema>;

export const questionDataSchema = z.object({
  prompt: z.string().default("What would you like to tell us?"),
  answerType: answerTypeSchema.default("text"),
  choices: z.array(questionChoiceSchema).default([]),
  // number only
  min: z.number().optional(),
  max: z.number().optional(),
  // phone only: lets contacts type national numbers ("090-1234-5678" with "JP").
  defaultCountry: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).default("US"),
  // Date order ("en-US" is month-first) and the language of retry hints. When absent the contact's
  // `locale` field is used, so a Japanese contact gets Japanese hints.
  locale: z.string().optional(),
  // yes_no only: the button labels (a Japanese flow sets はい / いいえ; typed はい is understood either way).
  yesLabel: z.string().default("Yes"),
  noLabel: z.string().default("No"),
  saveTo: z
    .object({ target: z.enum(["variable", "field"]).default("variable"), key: z.string().default("") })
    .optional(),
  // Template sent after an invalid answer; when absent it is built from the parser's hint.
  retryPrompt: z.string().optional(),
  // Answers accepted in total, the first included, before leaving by `invalid`.
  maxAttempts: z.number().int().min(1).max(10).default(3),
  timeout: questionTimeoutSchema.optional(),
});
export type QuestionData = z.infer<typeof questionDataSchema>;

export const ANSWERED_PORT = "answered";
export const INVALID_PORT = "invalid";
export const TIMEOUT_PORT = "timeout";

// The options the contact sees: the configured choices, or Yes / No for a yes_no question.
export function outboundChoices(data: QuestionData): OutboundChoice[] {
  if (data.answerType === "yes_no") {
    return [
      { id: "yes", label: data.yesLabel, payload: "yes" },
      { id: "no", label: data.noLabel, payload: "no" },
    ];
  }
  if (data.answerType !== "choice") return [];
  return data.choices.map((choice) => ({ id: choice.id, label: choice.label, payload: choice.payload || choice.id }));
}

export function questionMessage(data: QuestionData, text: string): OutboundMessage {
  return { text, choices: outboundChoices(data) };
}

export function timeoutMs(timeout: QuestionTimeout): number {
  return timeout.amount * UNIT_MS[timeout.unit];
}

export function describeTimeout(timeout: QuestionTimeout): string {
  const unit = timeout.amount === 1 ? timeout.unit.replace(/s$/, "") : timeout.unit;
  return `${timeout.amount} ${unit}`;
}

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
