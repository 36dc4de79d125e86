import type { ChannelAdapter } from "@/server/channels/channel-adapter";

// The credential the user types into the platform as well as into Kaiwa (Meta's verify token,
// Telegram's secret_token, WeChat's server Token). The page must show it in full so it can be pasted,
// so it is exempt from masking even though the adapter lists it as a secret.
const candidates = ["verifyToken", "secretToken", "token"] as const;

export function verifyTokenField(adapter: ChannelAdapter<unknown>): string | null {
  const shape = credentialShape(adapter);
  return candidates.find((name) => name in shape) ?? null;
}

export function credentialShape(adapter: ChannelAdapter<unknown>): Record<string, unknown> {
  const schema = adapter.credentialsSchema as unknown as { shape?: Record<string, unknown> };
  return schema.shape ?? {};
}
