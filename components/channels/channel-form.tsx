"use client";

import { useState, type FormEvent } from "react";
import { primaryButton, secondaryButton } from "@/components/flows/buttons";
import type { ChannelType } from "@/flows-runtime";
import { channelCatalogue } from "./channel-catalogue";
import type { ChannelFieldInfo } from "./use-channels";

export type ChannelFormValues = { name: string; credentials: Record<string, string>; apiBaseUrl: string };

export type FormError = { message: string; data?: { fieldErrors?: unknown; details?: unknown } | null } | null;

const inputClass =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset";

// One form for connecting and for editing. Fields come from the adapter's credentials schema (via
// channels.types / channels.get). When editing, secrets arrive masked: left masked they are kept.
export function ChannelForm({
  type,
  fields,
  initial,
  mode,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  type: ChannelType;
  fields: ChannelFieldInfo[];
  initial: ChannelFormValues;
  mode: "create" | "edit";
  pending: boolean;
  error: FormError;
  onSubmit: (values: ChannelFormValues) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [revealed, setRevealed] = useState<Record<string, boolean>>({});
  const fieldErrors = readFieldErrors(error);
  const apiBase = channelCatalogue[type].apiBase;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const setCredential = (name: string, value: string) => setValues((current) => ({ ...current, credentials: { ...current.credentials, [name]: value } }));

  return (
    <form data-testid="channel-form" data-channel-type={type} onSubmit={submit} className="flex min-h-0 flex-1 flex-col" noValidate>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-6 py-5">
        {error && (
          <p role="alert" data-testid="channel-form-error" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
            {describeError(error)}
          </p>
        )}
        <Field label="Name" help="Only you see this, to tell channels apart." error={fieldErrors.name}>
          {(id) => (
            <input
              id={id}
              data-testid="channel-field-name"
              className={inputClass}
              value={values.name}
              required
              maxLength={80}
              onChange={(event) => setValues({ ...values, name: event.target.value })}
            />
          )}
        </Field>
        {fields.map((field) => {
          const value = values.credentials[field.name] ?? "";
          const masked = mode === "edit" && field.secret && value.startsWith("••••");
          const hidden = mode === "create" && field.secret && !revealed[field.name];
          return (
            <Field
              key={field.name}
              label={field.label}
              optional={!field.required}
              help={masked ? `${field.help ?? ""} Stored securely; leave as is to keep it, or type a new value.`.trim() : field.help}
              error={fieldErrors[field.name]}
            >
              {(id) =>
                field.options ? (
                  <select id={id} data-testid={`channel-field-${field.name}`} className={inputClass} value={value} onChange={(event) => setCredential(field.name, event.target.value)}>
                    {!field.required && <option value="">—</option>}
                    {field.options.map((option) => (
                      <option key={option}>{option}</option>
                    ))}
                  </select>
                ) : (
                  <div className="flex gap-2">
                    <input
                      id={id}
                      data-testid={`channel-field-${field.name}`}
                      className={`${inputClass} font-mono`}
                      type={hidden ? "password" : "text"}
                      value={value}
                      placeholder={field.placeholder ?? undefined}
                      autoComplete="off"
                      spellCheck={false}
                      data-1p-ignore
                      // Typing into a masked value replaces it rather than appending to the dots.
                      onFocus={(event) => masked && event.target.select()}
                      onChange={(event) => setCredential(field.name, event.target.value)}
                    />
                    {mode === "create" && field.secret && (
                      <button type="button" className={secondaryButton} onClick={() => setRevealed({ ...revealed, [field.name]: !revealed[field.name] })}>
                        {revealed[field.name] ? "Hide" : "Show"}
                      </button>
                    )}
                  </div>
                )
              }
            </Field>
          );
        })}
        {apiBase && (
          <details className="rounded-md border border-slate-200 px-3 py-2" open={Boolean(values.apiBaseUrl)}>
            <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced</summary>
            <div className="mt-3">
              <Field
                label="API base URL"
                optional
                help={`Send to a local fake or a proxy instead of ${apiBase}. Leave empty for the platform's own API.`}
                error={fieldErrors.apiBaseUrl}
              >
                {(id) => (
                  <input
                    id={id}
                    data-testid="channel-field-apiBaseUrl"
                    className={`${inputClass} font-mono`}
                    value={values.apiBaseUrl}
                    placeholder={apiBase}
                    onChange={(event) => setValues({ ...values, apiBaseUrl: event.target.value })}
                  />
                )}
              </Field>
            </div>
          </details>
        )}
      </div>
      <footer className="flex items-center justify-end gap-2 border-t border-slate-100 bg-slate-50 px-6 py-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {mode === "create" ? "Back" : "Cancel"}
        </button>
        <button type="submit" data-testid="save-channel-button" className={primaryButton} disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Connect channel" : "Save changes"}
        </button>
      </footer>
    </form>
  );
}

function Field({
  label,
  help,
  optional,
  error,
  children,
}: {
  label: string;
  help?: string | null;
  optional?: boolean;
  error?: string[];
  children: (id: string) => React.ReactNode;
}) {
  const id = `channel-field-input-${label.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 flex items-baseline gap-2 text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="text-xs font-normal text-slate-400">optional</span>}
      </label>
      {children(id)}
      {error?.length ? (
        <p className="mt-1 text-xs text-rose-700" data-testid="channel-field-error">
          {error[0]}
        </p>
      ) : (
        help && <p className="mt-1 text-xs text-slate-500">{help}</p>
      )}
    </div>
  );
}

// Field messages from either a refused credential (details.fieldErrors, by credential name) or a
// refused input (fieldErrors from zod, by top-level input name).
function readFieldErrors(error: FormError): Record<string, string[]> {
  if (!error?.data) return {};
  const details = error.data.details as { fieldErrors?: Record<string, string[]> } | null | undefined;
  const input = (error.data.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  return {
    ...Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))),
    ...(details?.fieldErrors ?? {}),
  };
}

// A refused input (zod) carries a JSON dump as its message; the fields below say what is wrong.
function describeError(error: NonNullable<FormError>): string {
  const input = error.data?.fieldErrors as Record<string, unknown> | null | undefined;
  return input && Object.keys(input).length > 0 ? "Check the fields marked below." : error.message;
}
