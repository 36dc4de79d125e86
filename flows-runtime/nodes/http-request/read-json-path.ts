// A tiny, safe reader for response mappings such as `data.items[0].name` or `meta["next-page"]`.
// Only own properties of plain JSON values are followed: no prototype, no getters, no functions.
export function readJsonPath(value: unknown, path: string): { found: true; value: unknown } | { found: false } {
  const segments = parseJsonPath(path);
  if (!segments.ok) return { found: false };
  let current: unknown = value;
  for (const segment of segments.segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
      continue;
    }
    if (current === null || typeof current !== "object" || Array.isArray(current)) return { found: false };
    if (!Object.hasOwn(current, segment)) return { found: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

export type JsonPathSegments = { ok: true; segments: (string | number)[] } | { ok: false; message: string };

// Also used by diagnose(), so a mapping the reader cannot follow is reported before publishing.
export function parseJsonPath(path: string): JsonPathSegments {
  const segments: (string | number)[] = [];
  let rest = path.trim();
  if (rest === "") return { ok: false, message: "The path is empty: write where the value is, e.g. data.items[0].name." };
  // "$." / "$" prefixes are common in API docs; accept them.
  rest = rest.replace(/^\$\.?/, "");
  let first = true;
  while (rest !== "") {
    const match = (first ? FIRST_NAME : DOT_NAME).exec(rest) ?? INDEX.exec(rest) ?? QUOTED.exec(rest);
    if (!match) return { ok: false, message: `Cannot read the path "${path}" near "${rest}". Use names separated by dots and [0] for list items.` };
    const whole = match[0];
    const { name, index, quoted, quoted2 } = match.groups ?? {};
    const segment = index !== undefined ? Number(index) : (name ?? quoted ?? quoted2 ?? "");
    if (typeof segment === "string" && FORBIDDEN.has(segment)) {
      return { ok: false, message: `The path "${path}" uses "${segment}", which is not allowed.` };
    }
    segments.push(segment);
    rest = rest.slice(whole.length);
    first = false;
  }
  return { ok: true, segments };
}

const FIRST_NAME = /^(?<name>[^.[\]"'\s]+)/u;
const DOT_NAME = /^\.(?<name>[^.[\]"'\s]+)/u;
const INDEX = /^\[(?<index>\d{1,9})\]/;
const QUOTED = /^\[(?:"(?<quoted>[^"]*)"|'(?<quoted2>[^']*)')\]/;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
