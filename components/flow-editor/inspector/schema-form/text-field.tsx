"use client";

import { useRef } from "react";
import { VariablePicker } from "../variable-picker";
import { FieldFrame, fieldId, inputClass, testId } from "./field-frame";
import { getAt, type Path } from "./path-value";
import { pathPattern, useSchemaForm } from "./schema-form-context";

// Template keys across the node kinds, used when a kind does not list its own.
const TEMPLATE_KEYS = new Set(["text", "prompt", "retryPrompt", "answer", "url", "body", "note", "askFirst"]);
const MULTILINE_KEYS = new Set(["text", "prompt", "retryPrompt", "answer", "body", "note", "askFirst"]);

export function TextField({ path, label, optional }: { path: Path; label: string; optional: boolean }) {
  const { value, onChange, overrides, readOnly } = useSchemaForm();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pattern = pathPattern(path);
  const key = String(path[path.length - 1]);
  const isTemplate = overrides.templates ? overrides.templates.includes(pattern) : TEMPLATE_KEYS.has(key);
  const multiline = overrides.multiline ? overrides.multiline.includes(pattern) : MULTILINE_KEYS.has(key);
  const current = getAt(value, path);
  const text = typeof current === "string" ? current : "";
  // An optional text cleared by the marketer is removed, so "absent" keeps meaning "use the built-in".
  const write = (next: string) => onChange(path, optional && next === "" ? undefined : next);

  const insert = (token: string) => {
    const element = ref.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    write(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const props = {
    id: fieldId(path),
    "data-testid": testId(path),
    className: inputClass,
    value: text,
    disabled: readOnly,
    placeholder: overrides.placeholders?.[pattern],
    onChange: (event: { target: { value: string } }) => write(event.target.value),
  };
  return (
    <FieldFrame path={path} label={label}>
      {multiline ? <textarea ref={ref} rows={3} {...props} /> : <input ref={ref} type="text" {...props} />}
      {isTemplate && !readOnly ? <VariablePicker path={path} onInsert={insert} /> : null}
    </FieldFrame>
  );
}
