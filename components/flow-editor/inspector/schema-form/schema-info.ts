import type { z } from "zod";

// zod 4 keeps a schema's definition on `schema._zod.def`; the form only needs a few of its fields,
// read through this one narrow view so the rest of the walker stays typed.
export type SchemaDef = {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  discriminator?: string;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string; minimum?: number } } }[];
  in?: z.ZodType;
  out?: z.ZodType;
};

export function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

export type Unwrapped = {
  // The schema once optional / default / nullable / pipe wrappers are taken off.
  schema: z.ZodType;
  def: SchemaDef;
  optional: boolean;
  hasDefault: boolean;
  defaultValue: unknown;
};

export function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "nullable") optional = true;
    else if (def.type === "default" || def.type === "prefault") {
      if (!hasDefault) {
        hasDefault = true;
        defaultValue = structuredClone(def.defaultValue);
      }
    } else if (def.type === "pipe" && def.in) {
      current = def.in;
      continue;
    } else return { schema: current, def, optional, hasDefault, defaultValue };
    if (!def.innerType) break;
    current = def.innerType;
  }
  return { schema: current, def: defOf(current), optional, hasDefault, defaultValue };
}

// Every value a discriminated union option accepts for its discriminator (a literal, or an enum's values).
export function discriminatorValues(option: z.ZodType, key: string): string[] {
  const values = (option as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues?.[key];
  return values ? [...values].map(String) : [];
}

export function numberBounds(def: SchemaDef): { min?: number; max?: number; integer: boolean } {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "greater_than" && typeof c.value === "number") min = c.value;
    if (c.check === "less_than" && typeof c.value === "number") max = c.value;
    if (c.check === "number_format" && (c.format === "safeint" || c.format === "int32")) integer = true;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), integer };
}

export function enumValues(def: SchemaDef): string[] {
  if (def.type === "enum") return Object.values(def.entries ?? {}).map(String);
  if (def.type === "literal") return (def.values ?? []).map(String);
  return [];
}
