"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { channelTypes } from "@/flows-runtime";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ContactFilterInput, FieldOperator } from "@/server/contacts/contact-filter";

const operators: { value: FieldOperator; label: string }[] = [
  { value: "equals", label: "equals" },
  { value: "contains", label: "contains" },
  { value: "greater", label: "is greater than" },
  { value: "less", label: "is less than" },
  { value: "is_set", label: "is set" },
];

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

// Tag, field, channel, entry point and segment filters; the search box lives on the page itself.
export function ContactFilterBar({ filter, onChange }: { filter: ContactFilterInput; onChange: (filter: ContactFilterInput) => void }) {
  const trpc = useTRPC();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const fields = useQuery(trpc.fields.list.queryOptions());
  const segments = useQuery(trpc.segments.list.queryOptions());
  const entryPoints = useQuery(trpc.entryPoints.list.queryOptions());
  const [fieldKey, setFieldKey] = useState("");
  const [operator, setOperator] = useState<FieldOperator>("equals");
  const [value, setValue] = useState("");
  const selectedTags = filter.tagIds ?? [];
  const fieldOptions = [
    { key: "email", label: "Email" },
    { key: "phone", label: "Phone" },
    { key: "first_name", label: "First name" },
    { key: "last_name", label: "Last name" },
    ...(fields.data ?? []).map((field) => ({ key: field.key, label: field.label })),
  ];
  const toggleTag = (id: string) =>
    onChange({ ...filter, tagIds: selectedTags.includes(id) ? selectedTags.filter((tagId) => tagId !== id) : [...selectedTags, id] });

  return (
    <div data-testid="contact-filter-bar" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Tags</span>
        {(tags.data ?? []).map((tag) => (
          <button
            key={tag.id}
            type="button"
            data-testid="filter-tag"
            data-tag-name={tag.name}
            aria-pressed={selectedTags.includes(tag.id)}
            onClick={() => toggleTag(tag.id)}
            className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${selectedTags.includes(tag.id) ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {tag.name}
          </button>
        ))}
        {selectedTags.length > 1 && (
          <select aria-label="Tag match" data-testid="filter-tag-mode" className={select} value={filter.tagMode ?? "any"} onChange={(event) => onChange({ ...filter, tagMode: event.target.value as "any" | "all" })}>
            <option value="any">any of these</option>
            <option value="all">all of these</option>
          </select>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Channel" data-testid="filter-channel" className={select} value={filter.channelTypes?.[0] ?? ""} onChange={(event) => onChange({ ...filter, channelTypes: event.target.value ? [event.target.value as (typeof channelTypes)[number]] : undefined })}>
          <option value="">Any channel</option>
          {channelTypes.map((type) => (
            <option key={type} value={type}>{type}</option>
          ))}
        </select>
        <select aria-label="Entry point" data-testid="filter-entry-point" className={select} value={filter.entryPointIds?.[0] ?? ""} onChange={(event) => onChange({ ...filter, entryPointIds: event.target.value ? [event.target.value] : undefined })}>
          <option value="">Any entry point</option>
          {(entryPoints.data ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>{entry.name}</option>
          ))}
        </select>
        <select aria-label="Segment" data-testid="filter-segment" className={select} value={filter.segmentId ?? ""} onChange={(event) => onChange({ ...filter, segmentId: event.target.value || undefined })}>
          <option value="">All contacts</option>
          {(segments.data ?? []).map((segment) => (
            <option key={segment.id} value={segment.id}>{segment.name} ({segment.count.toLocaleString()})</option>
          ))}
        </select>
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <select aria-label="Field" data-testid="filter-field-key" className={select} value={fieldKey} onChange={(event) => setFieldKey(event.target.value)}>
          <option value="">Field…</option>
          {fieldOptions.map((field) => (
            <option key={field.key} value={field.key}>{field.label}</option>
          ))}
        </select>
        <select aria-label="Operator" data-testid="filter-field-operator" className={select} value={operator} onChange={(event) => setOperator(event.target.value as FieldOperator)}>
          {operators.map((entry) => (
            <option key={entry.value} value={entry.value}>{entry.label}</option>
          ))}
        </select>
        {operator !== "is_set" && (
          <input aria-label="Value" data-testid="filter-field-value" className={`${select} w-36`} value={value} onChange={(event) => setValue(event.target.value)} />
        )}
        <button
          type="button"
          data-testid="filter-field-add"
          disabled={!fieldKey}
          className="rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-40"
          onClick={() => {
            onChange({ ...filter, fields: [...(filter.fields ?? []), { key: fieldKey, operator, value }] });
            setValue("");
          }}
        >
          Add condition
        </button>
      </div>
      {(filter.fields ?? []).length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {(filter.fields ?? []).map((condition, index) => (
            <li key={index} data-testid="filter-field-condition" className="inline-flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-700">
              {fieldOptions.find((field) => field.key === condition.key)?.label ?? condition.key} {operators.find((entry) => entry.value === condition.operator)?.label}{" "}
              {condition.operator !== "is_set" && <strong>{String(condition.value ?? "")}</strong>}
              <button type="button" aria-label="Remove condition" className="ml-1 text-slate-500 hover:text-slate-900" onClick={() => onChange({ ...filter, fields: (filter.fields ?? []).filter((_, i) => i !== index) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
