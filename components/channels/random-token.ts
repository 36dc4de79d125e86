// A verify token suggestion for a new channel: 24 url-safe characters, accepted by every platform
// (Telegram allows A–Z a–z 0–9 _ -, Meta any string, WeChat 3–32 letters and digits).
export function randomToken(length = 24): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}
