import { z } from "zod";
import { DomainError } from "@/server/domain-errors";
import { JAPANESE_HOLIDAY_YEARS, japaneseHolidays } from "@/server/settings/japanese-holidays";
import { timeZoneOptions } from "@/server/settings/time-zones";

// The zones this server accepts, with today's offsets, for the searchable pickers.
export function listTimeZones() {
  return timeZoneOptions(Date.now());
}

export const japaneseHolidaysInput = z.object({ year: z.number().int() });

export function listJapaneseHolidays({ input }: { input: z.infer<typeof japaneseHolidaysInput> }) {
  const holidays = japaneseHolidays(input.year);
  if (!holidays) {
    const { first, last } = JAPANESE_HOLIDAY_YEARS;
    throw new DomainError("invalid", `Japanese holidays are known for ${first}–${last}; ${input.year} is outside that range.`);
  }
  return holidays.map(({ date, name, nameJa }) => ({ date, label: `${nameJa} (${name})` }));
}
