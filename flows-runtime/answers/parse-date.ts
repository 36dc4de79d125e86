import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions } from "./answer-type";

// Saves dates as ISO "YYYY-MM-DD". Accepts what people type: 2026-03-31, 2026/3/31, 31/03/2026,
// 03/31/2026, 31.03.2026, 2026年3月31日(火), "March 31, 2026", "31st March 2026".
export function parseDateAnswer(input: string, options: AnswerOptions): AnswerParseResult {
  const text = clean(input);
  const parts = yearFirst(text) ?? japanese(text) ?? numericDayMonth(text, options.locale) ?? withMonthName(text);
  if (!parts || !isRealDate(parts)) return answerFailure("date", "invalid_date", options);
  return { ok: true, value: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}` };
}

type DateParts = { year: number; month: number; day: number };

function clean(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    // A trailing weekday, as Japanese dates usually carry: "3月31日(火)", "3/31 (tue)".
    .replace(/\s*\((?:[日月火水木金土](?:曜日?)?|[a-z]{3,9})\)$/u, "")
    // A leading weekday: "tuesday, march 31, 2026".
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/u, "")
    .replace(/\s+/gu, " ");
}

function yearFirst(text: string): DateParts | undefined {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) } : undefined;
}

function japanese(text: string): DateParts | undefined {
  const m = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?$/u.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

// "31/03/2026" vs "03/31/2026": a part above 12 must be the day; when both could be months, en-US
// writes the month first and most of the world writes the day first. Dotted dates are day-first.
function numericDayMonth(text: string, locale: string | undefined): DateParts | undefined {
  const m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/u.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[3]);
  const year = Number(m[4]);
  const monthFirst = first > 12 ? false : second > 12 ? true : m[2] !== "." && isMonthFirstLocale(locale);
  return monthFirst ? { year, month: first, day: second } : { year, month: second, day: first };
}

function withMonthName(text: string): DateParts | undefined {
  const tokens = text
    .replace(/,/gu, " ")
    .replace(/\bof\b/gu, " ")
    .replace(/(\d)(?:st|nd|rd|th)\b/gu, "$1")
    .split(/[\s/.-]+/u)
    .filter((token) => token !== "");
  if (tokens.length !== 3) return undefined;
  const [a = "", b = "", c = ""] = tokens;
  const [month1, month2] = [monthNumber(a), monthNumber(b)];
  // March 31 2026 | 31 March 2026 | 2026 March 31
  if (month1 && isDay(b) && isYear(c)) return { year: Number(c), month: month1, day: Number(b) };
  if (month2 && isDay(a) && isYear(c)) return { year: Number(c), month: month2, day: Number(a) };
  if (month2 && isYear(a) && isDay(c)) return { year: Number(a), month: month2, day: Number(c) };
  return undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function monthNumber(token: string): number | undefined {
  const name = token === "sept" ? "sep" : token;
  const index = name.length === 3 ? MONTHS.indexOf(name) : FULL_MONTHS.indexOf(name);
  return index === -1 ? undefined : index + 1;
}

const isDay = (token: string) => /^\d{1,2}$/u.test(token);
const isYear = (token: string) => /^\d{4}$/u.test(token);

function isRealDate({ year, month, day }: DateParts): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isMonthFirstLocale(locale: string | undefined): boolean {
  if (!locale) return false;
  try {
    return new Intl.Locale(locale).region === "US";
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
