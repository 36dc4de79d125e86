// An exact text for plain data, to cache results per content: two values get the same key only when
// anything reading them (zod, render, the checks) sees the same thing, key order included. Unlike
// canonicalJson it keeps undefined, -0, NaN and ±Infinity apart from what JSON would turn them into.
// Undefined when the value holds anything but plain data (what JSON.parse, structuredClone and object
// spreads produce): a Date, a Map, a class instance, a function, an array with holes. Such a value is
// simply not cached.
export function contentKey(value: unknown): string | undefined {
  // Plain JSON (no undefined, -0 or non-finite number) encodes the same either way; the native
  // JSON.stringify is several times faster than the walk below.
  if (isPlainJson(value)) return JSON.stringify(value);
  const parts: string[] = [];
  return encode(value, parts) ? parts.join("") : undefined;
}

function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) {
        if (!Object.hasOwn(value, key) || !isPlainJson((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function encode(value: unknown, out: string[]): boolean {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return true;
    case "number":
      out.push(Object.is(value, -0) ? "-0" : String(value));
      return true;
    case "boolean":
      out.push(value ? "true" : "false");
      return true;
    case "undefined":
      out.push("undefined");
      return true;
    case "bigint":
      out.push(`${value}n`);
      return true;
    case "object":
      if (value === null) {
        out.push("null");
        return true;
      }
      return Array.isArray(value) ? encodeArray(value, out) : encodeObject(value, out);
    default:
      return false;
  }
}

function encodeArray(items: readonly unknown[], out: string[]): boolean {
  if (Object.getPrototypeOf(items) !== Array.prototype) return false;
  out.push("[");
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) return false;
    if (i > 0) out.push(",");
    if (!encode(items[i], out)) return false;
  }
  out.push("]");
  return true;
}

function encodeObject(record: object, out: string[]): boolean {
  const prototype: unknown = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) return false;
  out.push("{");
  let first = true;
  for (const key of Object.keys(record)) {
    out.push(first ? "" : ",", JSON.stringify(key), ":");
    first = false;
    if (!encode((record as Record<string, unknown>)[key], out)) return false;
  }
  out.push("}");
  return true;
}
