// "maxAttempts" → "Max attempts", "saveTo" → "Save to", "timeoutMs" → "Timeout (ms)", "url" → "URL".
export function labelForKey(key: string): string {
  const special = SPECIAL[key];
  if (special) return special;
  const words = key
    .replace(/Ms$/, " (ms)")
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(" ")
    .filter(Boolean)
    .map((word) => ACRONYMS[word] ?? word);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ACRONYMS: Record<string, string> = { url: "URL", id: "ID", http: "HTTP", json: "JSON" };
const SPECIAL: Record<string, string> = {};
