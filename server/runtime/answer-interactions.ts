import type { Database } from "../db/client";
import { log } from "../log";
import { cachedChannel } from "./channel-cache";
import type { AfterCommit } from "./flow-run";

// After commit, so a tap is acknowledged only once it has really been handled. Best effort: the
// platform's acknowledgement is cosmetic (a spinner), and a failure must not hold up the contact.
export async function answerInteractions(database: Database, interactions: AfterCommit["interactions"]): Promise<void> {
  for (const { channelId, context } of interactions) {
    const loaded = await cachedChannel(database, channelId).catch(() => null);
    const answered = loaded?.channel ? loaded.adapter.answerInteraction?.(context, loaded.channel, fetch) : null;
    if (!answered) continue;
    const result = await answered.catch((error: unknown) => ({ ok: false as const, error: (error as Error).message }));
    if (!result.ok) log.warn("interaction acknowledgement failed", { channelId, error: result.error });
  }
}
