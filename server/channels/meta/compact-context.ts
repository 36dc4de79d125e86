// NormalisedEvent.context holds strings only; fields the platform left out are dropped, not stored empty.
export function compactContext(fields: Record<string, string | number | boolean | undefined>): Record<string, string> | undefined {
  const entries = Object.entries(fields).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)] as const]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
