import type { z } from "zod";
import { initialValue, isRecord } from "./initial-value";
import { idPrefixFor, nextId } from "./next-id";
import { defOf, unwrap } from "./schema-info";

// A new list item from the element schema; an item with an `id` (a port) gets a fresh generated one.
export function newItem(element: z.ZodType, listKey: string, items: readonly unknown[]): unknown {
  const item = initialValue(element);
  const shape = defOf(unwrap(element).schema).shape;
  if (!shape?.id || !isRecord(item)) return item;
  const taken = items.flatMap((existing) => (isRecord(existing) && typeof existing.id === "string" ? [existing.id] : []));
  return { ...item, id: nextId(idPrefixFor(listKey), taken) };
}
