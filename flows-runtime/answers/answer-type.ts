import { z } from "zod";

export const answerTypeSchema = z.enum(["text", "choice", "number", "email", "phone", "date", "yes_no"]);
export type AnswerType = z.infer<typeof answerTypeSchema>;

export type AnswerOptions = {
  min?: number;
  max?: number;
  // ISO 3166 alpha-2, e.g. "JP": lets contacts type national numbers like 090-1234-5678.
  defaultCountry?: string;
  // BCP 47, e.g. "en-US" (month-first dates) or "ja-JP" (hints in Japanese).
  locale?: string;
};
