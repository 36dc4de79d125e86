import { jsonReader } from "./json-reader";

// WhatsApp sends seconds (as a string), Messenger milliseconds, and Instagram's own examples show both:
// anything below 10^12 cannot be milliseconds of this century, so it is read as seconds.
export function metaTimestamp(value: unknown): number | undefined {
  const n = jsonReader.number(value);
  if (n === undefined || n <= 0) return undefined;
  return n < 1e12 ? Math.round(n * 1000) : Math.round(n);
}
