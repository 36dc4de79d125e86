import { channelTypeSchema, type ChannelType } from "@/flows-runtime";
import type { Database } from "../db/client";
import { decryptJson } from "../crypto/secret-box";
import type { AdapterChannel, ChannelAdapter } from "./channel-adapter";
import { adapterFor } from "./registry";

export type LoadedChannel = {
  id: string;
  workspaceId: string;
  type: ChannelType;
  name: string;
  // A disabled channel keeps receiving (nothing a platform sends is lost) but runs no flow and sends nothing.
  disabled: boolean;
  // A simulator's hidden channel: nothing from outside reaches it, nothing sent on it leaves Kaiwa.
  simulator: boolean;
  adapter: ChannelAdapter<unknown>;
  // Null when the stored credentials are missing or no longer pass the adapter's schema: webhooks are
  // then refused (fail closed) and sends fail with a message the Channels page can show.
  channel: AdapterChannel<unknown> | null;
  credentialsProblem: string | null;
};

type ChannelRow = {
  id: string;
  workspace_id: string;
  type: string;
  name: string;
  status: string;
  credentials_encrypted: string | null;
  api_base_url: string | null;
  config: Record<string, unknown> | null;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A channel by id, only when it has the expected type (the webhook URL names both), with its
// credentials decrypted and parsed by the adapter's own schema. Null: no such channel of that type.
export async function loadChannel(database: Database, channelId: string, type?: string): Promise<LoadedChannel | null> {
  if (!uuidPattern.test(channelId)) return null;
  const [row] = await database.query<ChannelRow>(
    "select id, workspace_id, type, name, status, credentials_encrypted, api_base_url, config from channels where id = $1",
    [channelId],
  );
  if (!row || (type !== undefined && row.type !== type)) return null;
  const parsedType = channelTypeSchema.safeParse(row.type);
  if (!parsedType.success) return null;
  const adapter = adapterFor(parsedType.data);
  if (!adapter) return null;
  const base = { id: row.id, workspaceId: row.workspace_id, type: parsedType.data, name: row.name, disabled: row.status === "disabled", simulator: row.status === "simulator", adapter };
  const credentials = readCredentials(row.credentials_encrypted, adapter);
  if (!credentials.ok) return { ...base, channel: null, credentialsProblem: credentials.problem };
  const channel: AdapterChannel<unknown> = {
    id: row.id,
    workspaceId: row.workspace_id,
    credentials: credentials.value,
    apiBaseUrl: row.api_base_url,
    config: row.config ?? {},
  };
  return { ...base, channel, credentialsProblem: null };
}

function readCredentials(sealed: string | null, adapter: ChannelAdapter<unknown>): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (!sealed) return { ok: false, problem: "no credentials are configured for this channel" };
  let raw: unknown;
  try {
    raw = decryptJson(sealed);
  } catch {
    // Usually a different KAIWA_SECRET_KEY than the one the credentials were saved with.
    return { ok: false, problem: "the stored credentials cannot be decrypted (was KAIWA_SECRET_KEY changed?)" };
  }
  const parsed = adapter.credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(credentials)"))];
    return { ok: false, problem: `the stored credentials are incomplete or invalid (${fields.join(", ")})` };
  }
  return { ok: true, value: parsed.data };
}
