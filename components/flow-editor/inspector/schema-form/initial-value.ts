import type { z } from "zod";
import { unwrap } from "./schema-info";

// A value a marketer can start editing from: the schema's default when it has one, else the simplest
// valid-looking value (required strings empty, numbers at their minimum, the first enum value).
export function initialValue(schema: z.ZodType): unknown {
  const { def, hasDefault, defaultValue } = unwrap(schema);
  if (hasDefault) return defaultValue;
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (unwrap(field).optional && !unwrap(field).hasDefault) continue;
        out[key] = initialValue(field);
      }
      return out;
    }
    case "string":
      return "";
    case "number": {
      const min = def.checks?.map((c) => c._zod.def).find((c) => c.check === "greater_than");
      return typeof min?.value === "number" ? min.value : 0;
    }
    case "boolean":
      return false;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "array":
      return [];
    case "union":
      return def.options?.[0] ? initialValue(def.options[0]) : undefined;
    default:
      return undefined;
  }
}

// Raw node data with the schema's defaults filled in where a value is missing. Raw values always win, so
// what the marketer is typing (a trailing space a `.trim()` would remove) is never rewritten under them.
export function withDefaults(schema: z.ZodType, value: unknown): unknown {
  const { def, hasDefault, defaultValue } = unwrap(schema);
  if (value === undefined) return hasDefault ? defaultValue : undefined;
  if (def.type === "object" && isRecord(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      const filled = withDefaults(field, value[key]);
      if (filled !== undefined) out[key] = filled;
    }
    return out;
  }
  if (def.type === "array" && Array.isArray(value) && def.element) {
    const element = def.element;
    return value.map((item) => withDefaults(element, item));
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
