import { createHash } from "node:crypto";

// A fixed namespace for Kaiwa's outbox keys (a random UUID generated once, never changed: changing it
// would give every queued message a new retry key and let LINE deliver a retried push twice).
const namespace = Buffer.from("6f1c3a52-9d7e-4b8a-a1e4-2c0d5b7e9f31".replace(/-/g, ""), "hex");

// X-Line-Retry-Key must be a UUID and the same on every retry of one push: a name-based (version 5)
// UUID of our outbox idempotency key gives exactly that without storing anything.
export function lineRetryKey(idempotencyKey: string): string {
  const hash = createHash("sha1").update(namespace).update(idempotencyKey, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
