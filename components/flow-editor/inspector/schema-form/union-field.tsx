"use client";

import type { z } from "zod";
import { FieldFrame, fieldId, inputClass, testId } from "./field-frame";
import { isRecord } from "./initial-value";
import { labelForKey } from "./label-for-key";
import { ObjectFields } from "./object-fields";
import { getAt, type Path } from "./path-value";
import { useSchemaForm } from "./schema-form-context";
import { defOf, discriminatorValues, unwrap } from "./schema-info";
import { switchVariant } from "./switch-variant";

// A discriminated union: a select of the discriminator's values, then the chosen variant's fields.
export function UnionField({ schema, path, label }: { schema: z.ZodType; path: Path; label: string }) {
  const { value, onChange, overrides, readOnly } = useSchemaForm();
  const def = defOf(schema);
  const key = def.discriminator ?? "type";
  const options = def.options ?? [];
  const current = getAt(value, path);
  const selected = isRecord(current) ? String(current[key] ?? "") : "";
  const variant = options.find((option) => discriminatorValues(option, key).includes(selected));
  const choices = options.flatMap((option) => discriminatorValues(option, key));

  return (
    <div className="space-y-2">
      <FieldFrame path={[...path, key]} label={`${label}: ${labelForKey(key).toLowerCase()}`}>
        <select
          id={fieldId([...path, key])}
          data-testid={testId([...path, key])}
          className={inputClass}
          disabled={readOnly}
          value={selected}
          onChange={(event) => onChange(path, switchVariant(options, key, event.target.value, current))}
        >
          {variant ? null : <option value="">—</option>}
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {overrides.optionLabels?.[choice] ?? labelForKey(choice)}
            </option>
          ))}
        </select>
      </FieldFrame>
      {variant ? <ObjectFields schema={unwrap(variant).schema} path={path} omit={[key]} /> : null}
    </div>
  );
}
