"use client";

import type { z } from "zod";
import { FieldFrame, fieldId, testId } from "./field-frame";
import { initialValue, isRecord } from "./initial-value";
import { getAt, type Path } from "./path-value";
import { SchemaField } from "./schema-field";
import { useSchemaForm } from "./schema-form-context";
import { defOf } from "./schema-info";

export function ObjectFields({ schema, path, label, omit = [] }: { schema: z.ZodType; path: Path; label?: string; omit?: readonly string[] }) {
  const { value, overrides } = useSchemaForm();
  const shape = defOf(schema).shape ?? {};
  const data = getAt(value, path);
  const hidden = new Set<string>(omit);
  if (path.length === 0 && overrides.hidden) for (const key of overrides.hidden(isRecord(data) ? data : {})) hidden.add(key);
  // Ids of list items are ports or references: generated, never typed.
  if (typeof path[path.length - 1] === "number") hidden.add("id");
  const fields = Object.entries(shape)
    .filter(([key]) => !hidden.has(key))
    .map(([key, field]) => <SchemaField key={key} schema={field} path={[...path, key]} />);
  // A list item already sits in its own numbered box.
  if (!label || typeof path[path.length - 1] === "number") return <div className="space-y-3">{fields}</div>;
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-700">{label}</legend>
      {fields}
    </fieldset>
  );
}

// An optional object (a question's timeout, a business-hours inline schedule): a toggle, then its fields.
export function OptionalObjectField({ schema, path, label }: { schema: z.ZodType; path: Path; label: string }) {
  const { value, onChange, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const on = current !== undefined;
  return (
    <div className="space-y-2">
      <FieldFrame path={path} label={label} inline>
        <input
          id={fieldId(path)}
          data-testid={testId(path)}
          type="checkbox"
          className="nodrag h-4 w-4"
          disabled={readOnly}
          checked={on}
          onChange={(event) => onChange(path, event.target.checked ? initialValue(schema) : undefined)}
        />
      </FieldFrame>
      {on ? (
        <div className="ml-2 border-l-2 border-slate-200 pl-3">
          <ObjectFields schema={schema} path={path} />
        </div>
      ) : null}
    </div>
  );
}
