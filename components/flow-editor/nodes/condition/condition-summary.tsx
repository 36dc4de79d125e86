import type { NodeData } from "../registry";
import { Placeholder, SummaryLine } from "../summary-parts";

type Rule = NodeData<"condition">["rules"][number];
type Clause = Rule["all"][number];

const operatorWords: Record<Clause["operator"], string> = {
  equals: "=",
  not_equals: "≠",
  contains: "contains",
  not_contains: "doesn't contain",
  starts_with: "starts with",
  greater_than: ">",
  less_than: "<",
  matches_regex: "matches",
  in: "is one of",
  is_set: "is set",
  is_not_set: "is not set",
  has_tag: "has tag",
  not_has_tag: "doesn't have tag",
};

export function ConditionSummary({ data }: { data: NodeData<"condition"> }) {
  if (data.rules.length === 0) return <Placeholder>No rules: everyone goes to else</Placeholder>;
  return (
    <ol className="space-y-0.5">
      {data.rules.slice(0, 4).map((rule, index) => (
        <li key={rule.id}>
          <SummaryLine clamp={2}>
            <span className="font-medium text-slate-900">{rule.label || `Rule ${index + 1}`}:</span>{" "}
            {rule.all.length === 0 ? <span className="italic text-slate-400">no conditions</span> : rule.all.map(describeClause).join(" and ")}
          </SummaryLine>
        </li>
      ))}
      {data.rules.length > 4 && <li className="text-[11px] text-slate-500">+{data.rules.length - 4} more rules</li>}
    </ol>
  );
}

function describeClause(clause: Clause): string {
  const subject = subjectName(clause.subject);
  const operator = operatorWords[clause.operator];
  if (clause.operator === "is_set" || clause.operator === "is_not_set") return `${subject} ${operator}`;
  if (clause.operator === "has_tag" || clause.operator === "not_has_tag") return `${operator} "${clause.value}"`;
  const value = Array.isArray(clause.value) ? clause.value.map((v) => `"${v}"`).join(", ") : `"${clause.value}"`;
  return `${subject} ${operator} ${value}`;
}

function subjectName(subject: Clause["subject"]): string {
  if (subject.kind === "field") return `contact.${subject.key || "?"}`;
  if (subject.kind === "variable") return `vars.${subject.key || "?"}`;
  if (subject.kind === "last_message") return "last message";
  return subject.kind;
}
