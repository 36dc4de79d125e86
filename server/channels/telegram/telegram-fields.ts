// Defensive readers for Telegram's JSON: a field of the wrong type is treated as absent, never a throw.

type Obj = Record<string, unknown>;

export function profileName(user: Obj): string | undefined {
  const name = [user.first_name, user.last_name].filter((part) => typeof part === "string" && part).join(" ");
  return name || (typeof user.username === "string" ? user.username : undefined);
}

// Telegram ids fit a double (≤ 52 bits) but are kept as strings like every other channel's.
export function idOf(value: unknown): string | undefined {
  return typeof value === "number" || (typeof value === "string" && value) ? String(value) : undefined;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
