import type { Limit } from "./channel-capabilities";

// "20 characters", "64 bytes": how a marketer reads a limit.
export function describeLimit(limit: Limit): string {
  return `${limit.max} ${limit.unit === "bytes" ? "bytes" : "characters"}`;
}
