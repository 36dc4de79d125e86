import { createHash, timingSafeEqual } from "node:crypto";

// WeChat signs the query, not the body: sha1 over the sorted [token, timestamp, nonce], concatenated.
// Compared in constant time over the 20 decoded bytes; anything that is not 40 hex digits is refused
// without comparing.
export function wechatQuerySignatureMatches(token: string, query: URLSearchParams): boolean {
  const signature = query.get("signature") ?? "";
  const timestamp = query.get("timestamp") ?? "";
  const nonce = query.get("nonce") ?? "";
  if (!/^[0-9a-fA-F]{40}$/.test(signature)) return false;
  const expected = createHash("sha1").update([token, timestamp, nonce].sort().join("")).digest();
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
