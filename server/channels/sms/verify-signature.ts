import { timingSafeEqual } from "node:crypto";
import type { AdapterChannel, RawWebhook, VerifyResult } from "../channel-adapter";
import type { SmsCredentials } from "./credentials";
import { twilioSignature } from "./twilio-signature";

const base64Sha1 = /^[A-Za-z0-9+/]{27}=$/;

// Twilio signs the URL it called plus the decoded form parameters. `request.url` is built from the
// configured public base URL (never the Host header, which a caller controls) and must carry the
// query string exactly as Twilio called it. Twilio's own libraries also accept the URL with the
// default port added or removed, since proxies differ on it; so do we.
export function verifySmsSignature(request: RawWebhook, channel: AdapterChannel<SmsCredentials>): VerifyResult {
  const authToken = channel.credentials.authToken;
  if (!authToken) return { ok: false, status: 401, reason: "No Auth Token is configured for this SMS channel." };
  const header = request.headers.get("x-twilio-signature");
  if (!header) return { ok: false, status: 401, reason: "The X-Twilio-Signature header is missing." };
  if (!base64Sha1.test(header)) return { ok: false, status: 403, reason: "The X-Twilio-Signature header is not a signature." };
  const given = Buffer.from(header, "base64");
  const params = new URLSearchParams(request.rawBody);
  const matches = urlVariants(request.url).some((url) => {
    const expected = Buffer.from(twilioSignature(authToken, url, params), "base64");
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return matches ? { ok: true } : { ok: false, status: 403, reason: "The X-Twilio-Signature does not match." };
}

function urlVariants(url: string): string[] {
  const parts = /^(https?):\/\/([^/?#:]+)(?::(\d+))?(.*)$/i.exec(url);
  if (!parts) return [url];
  const [, scheme, host, port, rest] = parts as unknown as [string, string, string, string | undefined, string];
  const defaultPort = scheme.toLowerCase() === "https" ? "443" : "80";
  if (port === undefined) return [url, `${scheme}://${host}:${defaultPort}${rest}`];
  return port === defaultPort ? [url, `${scheme}://${host}${rest}`] : [url];
}
