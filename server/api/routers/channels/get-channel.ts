import type { z } from "zod";
import { channelCapabilities } from "@/flows-runtime";
import { outsideWindowModes, readOutsideWindowPolicy } from "@/server/channels/outside-window-policy";
import { env } from "@/server/env.js";
import { webhookUrl } from "@/server/channels/webhook-url";
import type { WorkspaceContext } from "../../trpc";
import { channelTypeOf, loadChannel, readStoredCredentials, requireAdapter } from "./channel-access";
import { channelFields } from "./channel-fields";
import type { channelIdInput } from "./channel-inputs";
import { maskCredentials } from "./mask-credentials";
import { verifyTokenField } from "./verify-token-field";

// One channel for its details page. Secrets leave the server only masked; the verify token is the
// exception, since the user has to paste it into the platform.
export async function getChannel({ ctx, input }: { ctx: WorkspaceContext; input: z.infer<typeof channelIdInput> }) {
  const row = await loadChannel({ db: ctx.database.db, workspaceId: ctx.workspaceId }, input.id);
  const type = channelTypeOf(row);
  const adapter = requireAdapter(type);
  const { readable, value: stored } = readStoredCredentials(row);
  const tokenField = verifyTokenField(adapter);
  const masked = adapter.secretFields.filter((name) => name !== tokenField);
  const publicUrl = env().KAIWA_PUBLIC_URL.replace(/\/+$/, "");
  return {
    id: row.id,
    type,
    name: row.name,
    status: row.status,
    webhookUrl: webhookUrl(type, row.id),
    verifyToken: tokenField && typeof stored[tokenField] === "string" ? (stored[tokenField] as string) : null,
    verifyTokenField: tokenField,
    credentials: maskCredentials(stored, masked),
    credentialsReadable: readable,
    fields: channelFields(type, adapter),
    apiBaseUrl: row.apiBaseUrl,
    messagingWindowHours: channelCapabilities[type].messagingWindowHours,
    outsideWindow: readOutsideWindowPolicy(type, (row.config ?? {}) as Record<string, unknown>),
    outsideWindowOptions: outsideWindowModes(type),
    publicKey: type === "webchat" ? row.publicKey : null,
    embedSnippet:
      type === "webchat" && row.publicKey
        ? `<script src="${publicUrl}/kaiwa-widget.js" data-kaiwa-key="${row.publicKey}" async></script>`
        : null,
    publicUrl,
    lastWebhookAt: row.lastWebhookAt,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
    createdAt: row.createdAt,
  };
}
