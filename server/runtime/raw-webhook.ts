import type { RawWebhook } from "../channels/channel-adapter";
import { env } from "../env.js";

// The request as a platform sent it. The URL is rebuilt from KAIWA_PUBLIC_URL, never from the Host
// header (an attacker controls that; Twilio signs the URL it was configured with).
export function rawWebhook(input: { method: string; pathAndQuery: string; headers: Headers; rawBody: string }): RawWebhook {
  const url = new URL(input.pathAndQuery, "http://placeholder");
  const base = env().KAIWA_PUBLIC_URL.replace(/\/+$/, "");
  return {
    method: input.method.toUpperCase(),
    url: `${base}${url.pathname}${url.search}`,
    query: url.searchParams,
    headers: input.headers,
    rawBody: input.rawBody,
  };
}
