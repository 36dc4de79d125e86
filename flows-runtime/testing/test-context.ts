import type { ContactSnapshot, StepContext } from "../engine/context";
import { seededRandom } from "./seeded-random";

export type TestContextOptions = Omit<Partial<StepContext>, "contact"> & { seed?: number; contact?: Partial<ContactSnapshot> };

// A StepContext for tests: a fixed clock (2026-03-31 09:00 UTC), a seeded random source, a web-chat
// contact with no fields or tags, and a UTC workspace with no schedules. Override any part.
export function testContext(options: TestContextOptions = {}): StepContext {
  const { seed, contact, ...rest } = options;
  return {
    now: Date.UTC(2026, 2, 31, 9, 0),
    random: seededRandom(seed ?? 1),
    settings: { timeZone: "UTC", schedules: [] },
    ...rest,
    contact: { id: "contact-1", fields: {}, tags: [], channel: "webchat", ...contact },
  };
}
