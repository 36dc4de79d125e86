import { isValidTimeZone, localTimeParts } from "@/flows-runtime";

// The IANA name Intl prefers for `timeZone` ("asia/tokyo" → "Asia/Tokyo", "US/Eastern" →
// "America/New_York"), or undefined when it is not a time zone.
export function canonicalTimeZone(timeZone: string): string | undefined {
  const trimmed = timeZone.trim();
  if (!isValidTimeZone(trimmed)) return undefined;
  return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
}

export function timeZoneProblem(timeZone: string): string {
  return `"${timeZone}" is not a time zone. Use a name such as Asia/Tokyo or America/New_York.`;
}

export type TimeZoneOption = { id: string; offset: string };

// Every zone this server knows, with its current UTC offset ("UTC+09:00"), for a searchable picker.
export function timeZoneOptions(at: number): TimeZoneOption[] {
  const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return [...zones].map((id) => ({ id, offset: utcOffset(id, at) }));
}

function utcOffset(timeZone: string, at: number): string {
  const p = localTimeParts(timeZone, at);
  const minute = Math.floor(at / 60_000) * 60_000;
  const minutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - minute) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
