import { createHmac } from "node:crypto";

// Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed with the Auth Token, over the full URL Twilio
// called (query string included) followed by every POST parameter's name and value, sorted by name
// (byte order; equal names by value), with no separators.
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const sorted = [...params.entries()].sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  const data = url + sorted.map(([name, value]) => name + value).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
