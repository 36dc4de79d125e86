import { answerFailure, type AnswerParseResult } from "./answer-failure";
import type { AnswerOptions } from "./answer-type";

// Pragmatic, not RFC 5322: catches typos a person makes (missing @, no domain, spaces, "..") and
// accepts what real mail providers hand out. Japanese IMEs often produce a full-width "＠", so NFKC first.
export function parseEmailAnswer(input: string, options: AnswerOptions): AnswerParseResult {
  const email = input.normalize("NFKC").trim().replace(/^mailto:/i, "").toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) return answerFailure("email", "invalid_email", options);
  return { ok: true, value: email };
}

const LOCAL = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`^${LOCAL}@(?:${LABEL}\.)+\p{L}{2,}$`, "u");
