import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { channels } from "@/drizzle/schema";
import { encryptJson } from "@/server/crypto/secret-box";
import type { WorkspaceContext } from "../../trpc";
import { requireAdapter } from "./channel-access";
import type { createChannelInput } from "./channel-inputs";
import { validateCredentials } from "./validate-credentials";

export async function createChannel({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof createChannelInput> }) {
  const adapter = requireAdapter(input.type);
  const credentials = validateCredentials(input.type, adapter, input.credentials);
  const [channel] = await ctx.database.db
    .insert(channels)
    .values({
      workspaceId: ctx.workspaceId,
      type: input.type,
      name: input.name,
      credentialsEncrypted: encryptJson(credentials),
      // The widget's <script> tag carries this key in public pages, so it identifies, never authorises.
      publicKey: input.type === "webchat" ? randomBytes(24).toString("base64url") : null,
      apiBaseUrl: input.apiBaseUrl ?? null,
    })
    .returning({ id: channels.id, type: channels.type, name: channels.name });
  return channel!;
}
