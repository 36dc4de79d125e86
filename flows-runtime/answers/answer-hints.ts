import type { AnswerFailureReason } from "./answer-failure";
import type { AnswerOptions, AnswerType } from "./answer-type";

// The sentence sent back when an answer is not accepted: it tells the contact what to send instead.
// Japanese for ja-* locales (LINE is Kaiwa's biggest channel in Japan), English otherwise.
export function answerHint(
  type: Exclude<AnswerType, "choice">,
  reason: AnswerFailureReason,
  options: AnswerOptions,
): string {
  const hints = isJapanese(options.locale) ? JA : EN;
  if (type === "number") return hints.number(options.min, options.max);
  if (reason === "empty" && type === "text") return hints.text;
  return hints[type];
}

type Hints = {
  text: string;
  number: (min?: number, max?: number) => string;
  email: string;
  phone: string;
  date: string;
  yes_no: string;
};

const EN: Hints = {
  text: "Please type your answer.",
  number: (min, max) => {
    if (min !== undefined && max !== undefined) return `Please send a number between ${min} and ${max}.`;
    if (min !== undefined) return `Please send a number of ${min} or more.`;
    if (max !== undefined) return `Please send a number of ${max} or less.`;
    return "Please send a number, for example 42.";
  },
  email: "Please send a valid email address, for example name@example.com.",
  phone: "Please send a valid phone number, including the country code if you are abroad, for example +81 90 1234 5678.",
  date: "Please send the date as YYYY-MM-DD, for example 2026-03-31.",
  yes_no: "Please answer yes or no.",
};

const JA: Hints = {
  text: "回答を入力してください。",
  number: (min, max) => {
    if (min !== undefined && max !== undefined) return `${min}から${max}までの数字で送ってください。`;
    if (min !== undefined) return `${min}以上の数字で送ってください。`;
    if (max !== undefined) return `${max}以下の数字で送ってください。`;
    return "数字で送ってください（例: 42）。";
  },
  email: "正しいメールアドレスを送ってください（例: name@example.com）。",
  phone: "正しい電話番号を送ってください（例: 090-1234-5678）。",
  date: "日付を YYYY-MM-DD の形式で送ってください（例: 2026-03-31）。",
  yes_no: "「はい」か「いいえ」で答えてください。",
};

function isJapanese(locale: string | undefined): boolean {
  return locale !== undefined && /^ja(?:[-_]|$)/i.test(locale);
}
