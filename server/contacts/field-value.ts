import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type FieldType = "text" | "number" | "email" | "phone" | "date" | "single_choice" | "multiple_choice";
export type FieldShape = { type: FieldType; options?: readonly string[]; label?: string };
export type FieldValueResult = { ok: true; value: string | number | string[] | null } | { ok: false; message: string };

// Profile fields every contact has, with the type their values are checked as.
export const BUILT_IN_FIELD_TYPES: Record<string, FieldType> = {
  first_name: "text",
  last_name: "text",
  phone: "phone",
  email: "email",
  locale: "text",
  timezone: "text",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A value typed on the profile (or sent by any other editor) as it is stored, or what is wrong with it in
// words a marketer can act on. Empty means "clear the field" (value null).
export function validateFieldValue(field: FieldShape, raw: unknown, options: { defaultCountry?: string } = {}): FieldValueResult {
  const label = field.label ?? "This field";
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "") || (Array.isArray(raw) && raw.length === 0)) {
    return { ok: true, value: null };
  }
  if (field.type === "multiple_choice") {
    const values = (Array.isArray(raw) ? raw : [raw]).map((value) => String(value).trim()).filter(Boolean);
    const unknown = values.filter((value) => !(field.options ?? []).includes(value));
    if (unknown.length > 0) return { ok: false, message: `${label}: "${unknown[0]}" is not one of the choices (${(field.options ?? []).join(", ")}).` };
    return { ok: true, value: [...new Set(values)] };
  }
  if (Array.isArray(raw) || typeof raw === "object") return { ok: false, message: `${label}: expected a single value.` };
  const text = String(raw).trim();
  switch (field.type) {
    case "text":
      return text.length > 2000 ? { ok: false, message: `${label}: at most 2,000 characters.` } : { ok: true, value: text };
    case "number": {
      const number = typeof raw === "number" ? raw : Number(text.normalize("NFKC").replace(/,/g, ""));
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: `${label}: "${text}" is not a number.` };
    }
    case "email": {
      const email = text.normalize("NFKC");
      return EMAIL.test(email) ? { ok: true, value: email } : { ok: false, message: `${label}: "${text}" is not an email address.` };
    }
    case "phone": {
      const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
      const phone = parsePhoneNumberFromString(text.normalize("NFKC"), country);
      if (!phone?.isValid()) {
        return { ok: false, message: `${label}: "${text}" is not a valid phone number; include the country code, like +81 90 1234 5678.` };
      }
      return { ok: true, value: phone.number };
    }
    case "date":
      return isIsoDate(text) ? { ok: true, value: text } : { ok: false, message: `${label}: "${text}" is not a date; use YYYY-MM-DD.` };
    case "single_choice":
      return (field.options ?? []).includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${label}: "${text}" is not one of the choices (${(field.options ?? []).join(", ")}).` };
  }
}

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
