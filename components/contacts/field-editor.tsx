"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ContactProfile } from "@/server/contacts/contact-profile";

type ProfileField = ContactProfile["fields"][number];

const inputTypes: Record<string, string> = { number: "number", email: "email", phone: "tel", date: "date", text: "text" };
const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

// One field with the input its type calls for; the server validates (number, email, E.164 phone, ISO date,
// choices) and its message is shown under the input.
export function FieldEditor({ contactId, field }: { contactId: string; field: ProfileField }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const initial = field.value === null ? (field.type === "multiple_choice" ? [] : "") : field.value;
  const [value, setValue] = useState<string | string[]>(Array.isArray(initial) ? initial.map(String) : String(initial));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.contacts.setField.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        setSaved(true);
        if (typeof result.value === "string" || typeof result.value === "number") setValue(String(result.value));
        await queryClient.invalidateQueries(trpc.contacts.get.queryFilter({ id: contactId }));
      },
      onError: (failure) => {
        setSaved(false);
        setError(failure.message);
      },
    }),
  );
  const changed = JSON.stringify(value) !== JSON.stringify(Array.isArray(initial) ? initial.map(String) : String(initial));

  return (
    <form
      data-testid={`field-${field.key}`}
      className="grid grid-cols-[10rem_1fr_auto] items-start gap-3 py-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ contactId, key: field.key, value });
      }}
    >
      <label htmlFor={`field-input-${field.key}`} className="pt-1.5 text-sm text-slate-600">
        {field.label}
        <span className="block font-mono text-[11px] text-slate-400">{field.key}</span>
      </label>
      <div>
        {field.type === "single_choice" ? (
          <select id={`field-input-${field.key}`} data-testid={`field-input-${field.key}`} className={input} value={value as string} onChange={(event) => { setValue(event.target.value); setSaved(false); }}>
            <option value="">—</option>
            {field.options.map((option) => (
              <option key={option} value={option}>{option}</option>
            ))}
          </select>
        ) : field.type === "multiple_choice" ? (
          <div data-testid={`field-input-${field.key}`} className="flex flex-wrap gap-3 pt-1.5">
            {field.options.map((option) => {
              const values = value as string[];
              return (
                <label key={option} className="inline-flex items-center gap-1 text-sm">
                  <input type="checkbox" checked={values.includes(option)} onChange={() => { setValue(values.includes(option) ? values.filter((entry) => entry !== option) : [...values, option]); setSaved(false); }} />
                  {option}
                </label>
              );
            })}
          </div>
        ) : (
          <input
            id={`field-input-${field.key}`}
            data-testid={`field-input-${field.key}`}
            // Numbers and phones are typed freely ("1,200", "090-…") and normalised by the server.
            type={field.type === "number" || field.type === "phone" ? "text" : (inputTypes[field.type] ?? "text")}
            inputMode={field.type === "number" ? "decimal" : field.type === "phone" ? "tel" : undefined}
            placeholder={field.type === "phone" ? "+81 90 1234 5678" : field.type === "date" ? "YYYY-MM-DD" : undefined}
            className={`${input} ${error ? "border-rose-400" : ""}`}
            value={value as string}
            onChange={(event) => { setValue(event.target.value); setSaved(false); }}
          />
        )}
        {error && <p role="alert" data-testid={`field-error-${field.key}`} className="mt-1 text-xs text-rose-700">{error}</p>}
      </div>
      <div className="flex items-center gap-2 pt-1">
        <button type="submit" data-testid={`field-save-${field.key}`} disabled={!changed || save.isPending} className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-30">
          Save
        </button>
        {saved && !changed && <span data-testid={`field-saved-${field.key}`} className="text-xs text-emerald-700">Saved</span>}
      </div>
    </form>
  );
}
