export const MASK = "••••";

// `••••` and the last four characters: enough to recognise which token is stored, not enough to use
// it. Short secrets show no tail at all, since four characters would be most of them.
export function maskSecret(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length >= 12 ? `${MASK}${text.slice(-4)}` : MASK;
}

export function isMasked(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(MASK);
}

export function maskCredentials(credentials: Record<string, unknown>, secretFields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => [name, secretFields.includes(name) && value != null ? maskSecret(value) : value]),
  );
}
