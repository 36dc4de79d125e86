"use client";

import { channelCapabilities, channelTypes } from "@/flows-runtime";
import { FieldFrame, inputClass, testId } from "../schema-form/field-frame";
import { isRecord } from "../schema-form/initial-value";
import { getAt, pathKey } from "../schema-form/path-value";
import { useSchemaForm, type CustomFieldProps } from "../schema-form/schema-form-context";
import { defOf, unwrap } from "../schema-form/schema-info";
import { TagListField } from "../schema-form/tag-list-field";
import { switchVariant } from "../schema-form/switch-variant";

const SUBJECTS = [
  ["field", "Contact field"],
  ["variable", "Flow variable"],
  ["tag", "Tags"],
  ["channel", "Channel"],
  ["last_message", "Last message"],
] as const;

const OPERATORS: Record<string, string> = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  greater_than: "is greater than",
  less_than: "is less than",
  matches_regex: "matches pattern",
  in: "is one of",
  is_set: "is set",
  is_not_set: "is not set",
  has_tag: "has tag",
  not_has_tag: "does not have tag",
};
const TAG_OPERATORS = ["has_tag", "not_has_tag", "is_set", "is_not_set"];
const VALUE_OPERATORS = Object.keys(OPERATORS).filter((operator) => operator !== "has_tag" && operator !== "not_has_tag");

// One clause as a sentence: [subject] [key] [operator] [value].
export function ConditionClauseField({ schema, path }: CustomFieldProps) {
  const { value, onChange, variables, readOnly } = useSchemaForm();
  const clause = getAt(value, path);
  const current = isRecord(clause) ? clause : {};
  const subject = isRecord(current.subject) ? current.subject : { kind: "field", key: "" };
  const kind = String(subject.kind ?? "field");
  const operator = String(current.operator ?? "equals");
  const options = defOf(unwrap(schema).schema).options ?? [];
  const operators = kind === "tag" ? TAG_OPERATORS : VALUE_OPERATORS;

  const setSubject = (next: string) => {
    const nextSubject = next === "field" || next === "variable" ? { kind: next, key: typeof subject.key === "string" ? subject.key : "" } : { kind: next };
    const nextOperators = next === "tag" ? TAG_OPERATORS : VALUE_OPERATORS;
    const nextOperator = nextOperators.includes(operator) ? operator : (nextOperators[0] ?? "equals");
    const switched = switchVariant(options, "operator", nextOperator, { ...current, subject: nextSubject });
    onChange(path, { ...(isRecord(switched) ? switched : {}), subject: nextSubject });
  };
  const suggestions = variables
    .filter((option) => option.token.startsWith(kind === "field" ? "contact." : "vars."))
    .map((option) => option.token.replace(/^(contact|vars)\./, ""));
  const listId = `clause-keys-${pathKey(path)}`;

  return (
    <FieldFrame path={path} label="Condition">
      <div className="grid grid-cols-2 gap-1">
        <select className={inputClass} data-testid={testId([...path, "subject", "kind"])} disabled={readOnly} value={kind} onChange={(event) => setSubject(event.target.value)}>
          {SUBJECTS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        {kind === "field" || kind === "variable" ? (
          <>
            <input
              className={inputClass}
              data-testid={testId([...path, "subject", "key"])}
              list={listId}
              placeholder={kind === "field" ? "field key" : "variable key"}
              disabled={readOnly}
              value={typeof subject.key === "string" ? subject.key : ""}
              onChange={(event) => onChange([...path, "subject", "key"], event.target.value)}
            />
            <datalist id={listId}>
              {suggestions.map((key) => (
                <option key={key} value={key} />
              ))}
            </datalist>
          </>
        ) : (
          <span />
        )}
        <select
          className={`${inputClass} col-span-2`}
          data-testid={testId([...path, "operator"])}
          disabled={readOnly}
          value={operator}
          onChange={(event) => onChange(path, switchVariant(options, "operator", event.target.value, current))}
        >
          {operators.map((id) => (
            <option key={id} value={id}>
              {OPERATORS[id]}
            </option>
          ))}
        </select>
      </div>
      <ClauseValue path={[...path, "value"]} operator={operator} subjectKind={kind} />
    </FieldFrame>
  );
}

function ClauseValue({ path, operator, subjectKind }: { path: (string | number)[]; operator: string; subjectKind: string }) {
  const { value, onChange, issuesAt, readOnly } = useSchemaForm();
  if (operator === "is_set" || operator === "is_not_set") return null;
  if (operator === "in") return <TagListField path={path} label="Values" />;
  const current = getAt(value, path);
  const text = typeof current === "string" ? current : "";
  const input =
    subjectKind === "channel" && (operator === "equals" || operator === "not_equals") ? (
      <select className={inputClass} data-testid={testId(path)} disabled={readOnly} value={text} onChange={(event) => onChange(path, event.target.value)}>
        <option value="">—</option>
        {channelTypes.map((channel) => (
          <option key={channel} value={channel}>
            {channelCapabilities[channel].displayName}
          </option>
        ))}
      </select>
    ) : (
      <input
        className={inputClass}
        data-testid={testId(path)}
        disabled={readOnly}
        placeholder={operator === "matches_regex" ? "regular expression" : operator.endsWith("_tag") ? "tag" : "value"}
        value={text}
        onChange={(event) => onChange(path, event.target.value)}
      />
    );
  return (
    <div className="mt-1">
      {input}
      {issuesAt(path).map((issue) => (
        <p key={issue} className="text-xs text-rose-700">
          {issue}
        </p>
      ))}
    </div>
  );
}
