import type { z } from "zod";
import { setAt } from "../inspector/schema-form/path-value";

// Parses node data for the preview even while some field is invalid (max attempts 20 should not hide
// how the buttons look): fields zod rejects are dropped so their defaults apply, a few rounds at most.
export function lenientParse(schema: z.ZodType, value: unknown): { data: unknown; partial: boolean } | null {
  let current = value;
  const cleared = new Set<string>();
  for (let round = 0; round < 6; round++) {
    const result = schema.safeParse(current);
    if (result.success) return { data: result.data, partial: round > 0 };
    for (const issue of result.error.issues) {
      let path = issue.path as (string | number)[];
      // A required field with no default (a choice's id) stays invalid when dropped: drop its parent.
      while (path.length > 0 && cleared.has(path.join("."))) path = path.slice(0, -1);
      if (path.length === 0) return null;
      cleared.add(path.join("."));
      current = setAt(current, path, undefined);
    }
    current = withoutHoles(current);
  }
  return null;
}

// A dropped list item (a choice without an id) leaves a hole; the list goes on without it.
function withoutHoles(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(withoutHoles);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutHoles(item)]));
  }
  return value;
}
