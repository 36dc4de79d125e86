"use client";

import { useState } from "react";
import { FieldFrame, fieldId, inputClass, testId } from "./field-frame";
import { getAt, type Path } from "./path-value";
import { pathPattern, useSchemaForm } from "./schema-form-context";

// A list of strings as removable chips; Enter or comma adds what was typed.
export function TagListField({ path, label }: { path: Path; label: string }) {
  const { value, onChange, overrides, readOnly, issuesAt } = useSchemaForm();
  const current = getAt(value, path);
  const tags = Array.isArray(current) ? current.map(String) : [];
  const [draft, setDraft] = useState("");

  const commit = () => {
    const tag = draft.trim();
    if (tag !== "" && !tags.includes(tag)) onChange(path, [...tags, tag]);
    setDraft("");
  };

  return (
    <FieldFrame path={path} label={label}>
      <div className="flex flex-wrap gap-1">
        {tags.map((tag, index) => {
          const problems = issuesAt([...path, index]);
          return (
          <span
            key={`${tag}-${index}`}
            title={problems.join(" ") || undefined}
            className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${problems.length ? "bg-rose-100 text-rose-900 ring-1 ring-rose-400" : "bg-sky-100 text-sky-900"}`}
          >
            {tag}
            {!readOnly ? (
              <button type="button" className="nodrag text-sky-700 hover:text-rose-700" aria-label={`Remove ${tag}`} onClick={() => onChange(path, tags.filter((_, i) => i !== index))}>
                ✕
              </button>
            ) : null}
          </span>
          );
        })}
      </div>
      {tags.flatMap((tag, index) => issuesAt([...path, index]).map((issue) => (
        <p key={`${index}-${issue}`} role="alert" className="text-xs text-rose-700">
          “{tag}”: {issue}
        </p>
      )))}
      {!readOnly ? (
        <input
          id={fieldId(path)}
          data-testid={testId(path)}
          className={inputClass}
          value={draft}
          placeholder={overrides.placeholders?.[pathPattern(path)] ?? "Type and press Enter"}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              commit();
            } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
              onChange(path, tags.slice(0, -1));
            }
          }}
        />
      ) : null}
    </FieldFrame>
  );
}
