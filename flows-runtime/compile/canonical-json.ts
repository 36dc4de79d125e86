// JSON with object keys sorted (code-unit order) and no whitespace, so two equal values always give
// the same text whatever order their keys were written in. Arrays keep their order: callers normalise
// arrays whose order carries no meaning (edges, variables...) before hashing. Undefined values,
// functions and symbols are dropped as JSON.stringify drops them; non-finite numbers become null.
export function canonicalJson(value: unknown): string {
  return encode(value) ?? "null";
}

function encode(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(value.toString());
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function encodeArray(items: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ",";
    out += encode(items[i]) ?? "null";
  }
  return `${out}]`;
}

function encodeObject(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const encoded = encode(record[key]);
    if (encoded === undefined) continue;
    out += first ? "" : ",";
    out += `${JSON.stringify(key)}:${encoded}`;
    first = false;
  }
  return `${out}}`;
}
