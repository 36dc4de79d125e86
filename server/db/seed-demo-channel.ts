import { channels } from "@/drizzle/schema";
import { encryptJson } from "../crypto/secret-box";
import { DEMO_WEBCHAT_KEY } from "../channels/webchat/demo-webchat-key";
import type { Db } from "./client";

// The demo workspace's web-chat channel, for a brand-new demo workspace only (a user who deletes it
// does not see it come back). The key is unique: if it is already taken, nothing is inserted.
export async function seedDemoChannel(tx: Db, workspaceId: string): Promise<void> {
  await tx
    .insert(channels)
    .values({
      workspaceId,
      type: "webchat",
      name: "Website chat",
      publicKey: DEMO_WEBCHAT_KEY,
      // Web chat has nothing secret, but the sender loads every channel's credentials the same way.
      credentialsEncrypted: encryptJson({}),
    })
    .onConflictDoNothing({ target: channels.publicKey });
}
