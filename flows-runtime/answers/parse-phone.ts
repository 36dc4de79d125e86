import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions } from "./answer-type";

// Saved as E.164 ("+819012345678") so the same person typed two ways is one value.
export function parsePhoneAnswer(input: string, options: AnswerOptions): AnswerParseResult {
  // Full-width digits and "＋" from Japanese keyboards; NFKC turns them into ASCII.
  const text = input.normalize("NFKC").trim();
  const country = countryCode(options.defaultCountry);
  const phone = country ? parsePhoneNumberFromString(text, country) : parsePhoneNumberFromString(text);
  if (!phone || !phone.isValid()) return answerFailure("phone", "invalid_phone", options);
  return { ok: true, value: phone.number };
}

function countryCode(code: string | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper !== undefined && isSupportedCountry(upper) ? upper : undefined;
}
