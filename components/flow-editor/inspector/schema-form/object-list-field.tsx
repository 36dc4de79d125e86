"use client";

import type { z } from "zod";
import { FieldFrame, smallButtonClass } from "./field-frame";
import { newItem } from "./new-item";
import { getAt, pathKey, type Path } from "./path-value";
import { SchemaField } from "./schema-field";
import { useSchemaForm } from "./schema-form-context";

// An editable list of objects: add, remove, move up / down. Items with an `id` get a generated one.
export function ObjectListField({ element, path, label }: { element: z.ZodType; path: Path; label: string }) {
  const { value, onChange, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const items: unknown[] = Array.isArray(current) ? current : [];
  const listKey = String(path[path.length - 1]);

  const add = () => onChange(path, [...items, newItem(element, listKey, items)]);
  const remove = (index: number) => onChange(path, items.filter((_, i) => i !== index));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(path, next);
  };

  return (
    <FieldFrame path={path} label={label}>
      <ol className="space-y-2" data-testid={`inspector-list-${pathKey(path)}`}>
        {items.map((_, index) => (
          <li key={index} className="rounded border border-slate-200 bg-slate-50 p-2" data-testid={`inspector-item-${pathKey([...path, index])}`}>
            <div className="mb-2 flex items-center gap-1">
              <span className="mr-auto text-xs font-medium text-slate-500">{index + 1}</span>
              {!readOnly ? (
                <>
                  <button type="button" className={smallButtonClass} aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </button>
                  <button type="button" className={smallButtonClass} aria-label="Move down" disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className={`${smallButtonClass} text-rose-700`}
                    aria-label="Remove"
                    data-testid={`inspector-remove-${pathKey([...path, index])}`}
                    onClick={() => remove(index)}
                  >
                    ✕
                  </button>
                </>
              ) : null}
            </div>
            <SchemaField schema={element} path={[...path, index]} label={`${label} ${index + 1}`} />
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <button type="button" className={`${smallButtonClass} mt-1`} data-testid={`inspector-add-${pathKey(path)}`} onClick={add}>
          + Add
        </button>
      ) : null}
    </FieldFrame>
  );
}
