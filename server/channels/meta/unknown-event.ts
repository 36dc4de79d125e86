import { createHash } from "node:crypto";
import type { NormalisedEvent } from "../channel-adapter";

// An event Kaiwa does not act on, kept so the Channels page can show it. It has no platform id, so the
// dedupe key hashes its content: Meta's retry of the same payload gives the same key.
export function unknownEvent(item: unknown, note: string, extra: Partial<NormalisedEvent> = {}): NormalisedEvent {
  const digest = createHash("sha256").update(JSON.stringify(item) ?? "").digest("hex").slice(0, 32);
  return { dedupeKey: `unknown:${digest}`, kind: "unknown", note: note.slice(0, 200), ...extra };
}
