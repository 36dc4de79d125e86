"use client";

import { useState } from "react";
import { FieldFrame, fieldId, inputClass, testId } from "./field-frame";
import { labelForKey } from "./label-for-key";
import { getAt, type Path } from "./path-value";
import { useSchemaForm } from "./schema-form-context";
import { enumValues, numberBounds, type SchemaDef } from "./schema-info";

export function NumberField({ path, label, def, optional }: { path: Path; label: string; def: SchemaDef; optional: boolean }) {
  const { value, onChange, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const shown = typeof current === "number" ? String(current) : typeof current === "string" ? current : "";
  // Local text so "1." or "-" can be typed; what does not parse is still stored, and zod says why.
  const [draft, setDraft] = useState<string | null>(null);
  const bounds = numberBounds(def);
  return (
    <FieldFrame path={path} label={label}>
      <input
        id={fieldId(path)}
        data-testid={testId(path)}
        className={inputClass}
        type="text"
        inputMode="decimal"
        disabled={readOnly}
        placeholder={[bounds.min !== undefined ? `min ${bounds.min}` : "", bounds.max !== undefined ? `max ${bounds.max}` : ""].filter(Boolean).join(", ")}
        value={draft ?? shown}
        onFocus={() => setDraft(shown)}
        onBlur={() => setDraft(null)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const trimmed = text.trim();
          if (trimmed === "") onChange(path, optional ? undefined : text);
          else onChange(path, Number.isFinite(Number(trimmed)) ? Number(trimmed) : text);
        }}
      />
    </FieldFrame>
  );
}

export function BooleanField({ path, label }: { path: Path; label: string }) {
  const { value, onChange, readOnly } = useSchemaForm();
  return (
    <FieldFrame path={path} label={label} inline>
      <input
        id={fieldId(path)}
        data-testid={testId(path)}
        type="checkbox"
        className="nodrag h-4 w-4"
        disabled={readOnly}
        checked={getAt(value, path) === true}
        onChange={(event) => onChange(path, event.target.checked)}
      />
    </FieldFrame>
  );
}

export function EnumField({ path, label, def, optional }: { path: Path; label: string; def: SchemaDef; optional: boolean }) {
  const { value, onChange, overrides, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const options = enumValues(def);
  return (
    <FieldFrame path={path} label={label}>
      <select
        id={fieldId(path)}
        data-testid={testId(path)}
        className={inputClass}
        disabled={readOnly}
        value={current === undefined ? "" : String(current)}
        onChange={(event) => onChange(path, event.target.value === "" ? undefined : event.target.value)}
      >
        {optional || current === undefined ? <option value="">—</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {overrides.optionLabels?.[option] ?? labelForKey(option)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

// Fallback for shapes the form does not know: edit as JSON, stored once it parses.
export function JsonField({ path, label }: { path: Path; label: string }) {
  const { value, onChange, readOnly } = useSchemaForm();
  const current = getAt(value, path);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldFrame path={path} label={`${label} (JSON)`}>
      <textarea
        id={fieldId(path)}
        data-testid={testId(path)}
        className={`${inputClass} font-mono text-xs`}
        rows={4}
        disabled={readOnly}
        value={draft ?? JSON.stringify(current ?? null, null, 2)}
        onChange={(event) => {
          setDraft(event.target.value);
          try {
            onChange(path, JSON.parse(event.target.value));
            setError(null);
          } catch {
            setError("Not valid JSON yet.");
          }
        }}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      {error ? <p className="text-xs text-amber-700">{error}</p> : null}
    </FieldFrame>
  );
}
