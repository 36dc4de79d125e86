import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeKey, env } from "../env.js";

// AES-256-GCM for secrets at rest (channel tokens, app secrets). Format: v1.<iv>.<tag>.<ciphertext>,
// base64url parts, so a stored value says which scheme wrote it.
const VERSION = "v1";

let cachedKey: Buffer | null = null;

export function encryptSecret(plaintext: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, key: Buffer = secretKey()): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  // A wrong key or a tampered value fails here (GCM authentication), never as garbage plaintext.
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export function encryptJson(value: unknown): string {
  return encryptSecret(JSON.stringify(value));
}

export function decryptJson(sealed: string): unknown {
  return JSON.parse(decryptSecret(sealed));
}

// Exported for keys derived from it (server/crypto/hmac-token.ts): one secret to configure.
export function secretKey(): Buffer {
  if (cachedKey) return cachedKey;
  const config = env();
  if (config.KAIWA_SECRET_KEY) {
    cachedKey = decodeKey(config.KAIWA_SECRET_KEY);
  } else {
    const file = path.join(config.KAIWA_DATA_DIR, "secret.key");
    if (!existsSync(file)) {
      mkdirSync(config.KAIWA_DATA_DIR, { recursive: true });
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    }
    cachedKey = decodeKey(readFileSync(file, "utf8").trim());
  }
  if (!cachedKey) throw new Error("the secret key is not 32 bytes");
  return cachedKey;
}
