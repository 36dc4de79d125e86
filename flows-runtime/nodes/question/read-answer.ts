import { matchChoice } from "../../answers/match-choice";
import { answerHint } from "../../answers/answer-hints";
import { parseAnswer, type AnswerOptions } from "../../answers/parse-answer";
import { resolveChoiceReply } from "../../channels/resolve-choice-reply";
import type { InboundMessage } from "../../engine/events";
import { outboundChoices, type QuestionData } from "./question-data";

export type ReadAnswer =
  | { ok: true; value: string | number | boolean; port?: string; note: string }
  | { ok: false; hint: string; note: string };

// Turns the contact's reply into the value the question saves, or a hint for the retry prompt.
export function readAnswer(data: QuestionData, message: InboundMessage, locale: string | undefined): ReadAnswer {
  const japanese = isJapanese(locale);
  const options: AnswerOptions = { min: data.min, max: data.max, defaultCountry: data.defaultCountry, locale };

  if (data.answerType === "choice") {
    const choices = outboundChoices(data);
    const chosen =
      matchChoice(choices, { text: message.text, payload: message.payload }) ??
      // render() may have replaced a long payload with a short token (Telegram's 64-byte callback_data).
      (message.payload ? resolveChoiceReply(message.payload, choices) : undefined);
    if (chosen) {
      // The label is saved: it is what the contact picked and what a person reads in the inbox.
      return { ok: true, value: chosen.label, port: chosen.id, note: `matched choice "${chosen.label}"` };
    }
    return { ok: false, hint: japanese ? JA.pickChoice : EN.pickChoice, note: describeReply(message, "no choice matched") };
  }

  const type = data.answerType;
  // A yes/no button sends its payload ("yes" / "no"), which the yes_no parser understands.
  const input = type === "yes_no" && message.payload ? message.payload : message.text;
  if (input === undefined || input.trim() === "") {
    const sentSomethingElse = message.media !== undefined || message.location !== undefined;
    const hint = answerHint(type, "empty", options);
    return {
      ok: false,
      hint: sentSomethingElse ? joinSentences(japanese ? JA.cannotRead : EN.cannotRead, hint) : hint,
      note: describeReply(message, "no text in the reply"),
    };
  }
  const parsed = parseAnswer(type, input, options);
  if (!parsed.ok) return { ok: false, hint: parsed.hint, note: `invalid ${type} answer (${parsed.reason})` };
  return { ok: true, value: parsed.value, note: `accepted ${type} answer` };
}

// The default retry prompt: an apology plus what to send instead.
export function defaultRetryText(hint: string, locale: string | undefined): string {
  return joinSentences(isJapanese(locale) ? JA.sorry : EN.sorry, hint);
}

// Japanese sentences follow each other without a space.
function joinSentences(first: string, second: string): string {
  return /[。！？]$/u.test(first) ? `${first}${second}` : `${first} ${second}`;
}

function isJapanese(locale: string | undefined): boolean {
  return locale !== undefined && /^ja(?:[-_]|$)/i.test(locale);
}

function describeReply(message: InboundMessage, fallback: string): string {
  if (message.media) return `received ${message.media.kind} instead of an answer`;
  if (message.location) return "received a location instead of an answer";
  return fallback;
}

const EN = {
  sorry: "Sorry, I didn't get that.",
  pickChoice: "Please choose one of the options below, or reply with its number.",
  cannotRead: "I can only read text here.",
};
const JA = {
  sorry: "すみません、うまく読み取れませんでした。",
  pickChoice: "下の選択肢から選ぶか、番号で返信してください。",
  cannotRead: "ここでは文字のメッセージだけを読み取れます。",
};
