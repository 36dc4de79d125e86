export type JapaneseHoliday = { date: string; name: string; nameJa: string };

// The years whose rules are implemented: the current law (2020 on) and the equinox approximation,
// which holds until 2099. The Cabinet Office announces each year's equinoxes in February of the year
// before; the approximation has matched every announcement so far.
export const JAPANESE_HOLIDAY_YEARS = { first: 2020, last: 2099 } as const;

// Japan's public holidays (国民の祝日) in `year`, sorted by date, with the substitute holidays (振替休日)
// and citizens' holidays (国民の休日) the law adds. Undefined outside JAPANESE_HOLIDAY_YEARS.
export function japaneseHolidays(year: number): JapaneseHoliday[] | undefined {
  if (!Number.isInteger(year) || year < JAPANESE_HOLIDAY_YEARS.first || year > JAPANESE_HOLIDAY_YEARS.last) return undefined;
  const named = new Map<string, JapaneseHoliday>();
  for (const [month, day, name, nameJa] of statutoryHolidays(year)) {
    const date = isoDate(year, month, day);
    named.set(date, { date, name, nameJa });
  }
  const all = new Map(named);
  // 振替休日: a holiday on a Sunday moves the day off to the next day that is not already a holiday
  // (so 3 May on a Sunday gives 6 May).
  for (const date of named.keys()) {
    if (weekday(date) !== 0) continue;
    let next = addDays(date, 1);
    while (all.has(next)) next = addDays(next, 1);
    all.set(next, { date: next, name: "Substitute holiday", nameJa: "振替休日" });
  }
  // 国民の休日: an ordinary day between two holidays is a holiday too (the September "Silver Week").
  for (const date of named.keys()) {
    const between = addDays(date, 1);
    if (!all.has(between) && named.has(addDays(date, 2)) && weekday(between) !== 0) {
      all.set(between, { date: between, name: "Citizens' holiday", nameJa: "国民の休日" });
    }
  }
  return [...all.values()].sort((a, b) => a.date.localeCompare(b.date));
}

type Rule = [month: number, day: number, name: string, nameJa: string];

// 国民の祝日に関する法律 as amended up to 2018, with the 2020 and 2021 Olympic moves.
function statutoryHolidays(year: number): Rule[] {
  const olympicMoves: Record<number, { marine: number; sports: number; mountain: number }> = {
    2020: { marine: 23, sports: 24, mountain: 10 },
    2021: { marine: 22, sports: 23, mountain: 8 },
  };
  const moved = olympicMoves[year];
  return [
    [1, 1, "New Year's Day", "元日"],
    [1, nthMonday(year, 1, 2), "Coming of Age Day", "成人の日"],
    [2, 11, "National Foundation Day", "建国記念の日"],
    [2, 23, "Emperor's Birthday", "天皇誕生日"],
    [3, vernalEquinox(year), "Vernal Equinox Day", "春分の日"],
    [4, 29, "Shōwa Day", "昭和の日"],
    [5, 3, "Constitution Memorial Day", "憲法記念日"],
    [5, 4, "Greenery Day", "みどりの日"],
    [5, 5, "Children's Day", "こどもの日"],
    [7, moved?.marine ?? nthMonday(year, 7, 3), "Marine Day", "海の日"],
    moved ? [7, moved.sports, "Sports Day", "スポーツの日"] : [10, nthMonday(year, 10, 2), "Sports Day", "スポーツの日"],
    [8, moved?.mountain ?? 11, "Mountain Day", "山の日"],
    [9, nthMonday(year, 9, 3), "Respect for the Aged Day", "敬老の日"],
    [9, autumnalEquinox(year), "Autumnal Equinox Day", "秋分の日"],
    [11, 3, "Culture Day", "文化の日"],
    [11, 23, "Labour Thanksgiving Day", "勤労感謝の日"],
  ];
}

// The standard approximation for 1980–2099: the equinox drifts ~0.242194 days a year and a leap day
// pulls it back.
function vernalEquinox(year: number): number {
  return Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function autumnalEquinox(year: number): number {
  return Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

// Day of the month of the n-th Monday (Happy Monday system).
function nthMonday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((8 - firstWeekday) % 7) + (n - 1) * 7;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
