import type { z } from "zod";
import { initialValue, isRecord } from "./initial-value";
import { defOf, discriminatorValues, unwrap } from "./schema-info";

// The new variant's starting value, keeping every field of the old one the new variant also accepts.
export function switchVariant(options: readonly z.ZodType[], key: string, choice: string, current: unknown): unknown {
  const option = options.find((candidate) => discriminatorValues(candidate, key).includes(choice));
  if (!option) return current;
  const base = initialValue(option);
  const next: Record<string, unknown> = isRecord(base) ? { ...base } : {};
  const shape = defOf(unwrap(option).schema).shape ?? {};
  if (isRecord(current)) {
    for (const [field, fieldSchema] of Object.entries(shape)) {
      if (field === key || !(field in current)) continue;
      if (fieldSchema.safeParse(current[field]).success) next[field] = current[field];
    }
  }
  next[key] = choice;
  return next;
}
