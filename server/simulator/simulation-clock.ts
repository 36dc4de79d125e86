import { z } from "zod";
import { isValidTimeZone, localTimeParts } from "@/flows-runtime";
import type { Database } from "../db/client";
import { DomainError } from "../domain-errors";
import { loadSimulation } from "./load-simulation";

export const setClockInput = z.object({
  simulationId: z.string().uuid(),
  // "Pretend it is Sunday 23:00 in Asia/Tokyo": a wall-clock time in a zone; null for the real time.
  at: z
    .object({ localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "a date and time such as 2026-12-06T23:00"), timeZone: z.string() })
    .nullable(),
});

// The simulated clock is an offset from real time, so waits still run and business hours see it.
export async function setSimulationClock(database: Pick<Database, "query">, workspaceId: string, input: z.infer<typeof setClockInput>): Promise<{ now: number; offsetMs: number }> {
  const simulation = await loadSimulation(database, workspaceId, input.simulationId);
  let offsetMs = 0;
  if (input.at) {
    if (!isValidTimeZone(input.at.timeZone)) throw new DomainError("invalid", `"${input.at.timeZone}" is not a time zone.`);
    offsetMs = zonedToUtc(input.at.localDateTime, input.at.timeZone) - Date.now();
  }
  await database.query("update simulations set clock_offset_ms = $2 where id = $1", [simulation.id, Math.round(offsetMs)]);
  return { now: Date.now() + offsetMs, offsetMs };
}

// The instant at which the wall clock in `timeZone` reads `localDateTime`. Two corrections settle it
// across DST changes; a time that does not exist (a spring-forward gap) lands just after the gap.
export function zonedToUtc(localDateTime: string, timeZone: string): number {
  const [date, time] = localDateTime.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const parts = localTimeParts(timeZone, guess);
    const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    guess += wanted - shown;
  }
  return guess;
}
