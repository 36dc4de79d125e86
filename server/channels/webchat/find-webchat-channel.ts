import type { Database } from "../../db/client";
import { decryptJson } from "../../crypto/secret-box";
import { webchatCredentialsSchema, type WebchatCredentials } from "./credentials";

export type WebchatChannel = { id: string; workspaceId: string; type: "webchat"; name: string; settings: WebchatCredentials };

type Row = { id: string; workspace_id: string; name: string; credentials_encrypted: string | null };

// The active web-chat channel a widget's public key names. Null for an unknown key, another channel
// type, or a disabled channel: the endpoints then answer 404 and touch nothing.
export async function findWebchatChannel(database: Database, publicKey: string): Promise<WebchatChannel | null> {
  if (!publicKey || publicKey.length > 200) return null;
  const [row] = await database.query<Row>(
    "select id, workspace_id, name, credentials_encrypted from channels where public_key = $1 and type = 'webchat' and status = 'active'",
    [publicKey],
  );
  if (!row) return null;
  return { id: row.id, workspaceId: row.workspace_id, type: "webchat", name: row.name, settings: readSettings(row.credentials_encrypted) };
}

// The settings only dress the widget: unreadable ones (a changed secret key) fall back to defaults.
function readSettings(sealed: string | null): WebchatCredentials {
  if (!sealed) return {};
  try {
    const parsed = webchatCredentialsSchema.safeParse(decryptJson(sealed));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
