import { z } from "zod";

// What a clause looks at. Fields and variables are named by their stable key.
export const conditionSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("field"), key: z.string().default("") }),
  z.object({ kind: z.literal("variable"), key: z.string().default("") }),
  // The contact's tags, compared as a list: a positive operator matches when any tag does.
  z.object({ kind: z.literal("tag") }),
  z.object({ kind: z.literal("channel") }),
  z.object({ kind: z.literal("last_message") }),
]);
export type ConditionSubject = z.infer<typeof conditionSubjectSchema>;

// Discriminated on the operator, one literal per variant so `clause.operator === "in"` narrows in
// consumers too. Each operator carries exactly the value it needs: none for is_set, a list for `in`,
// one string otherwise.
export const conditionClauseSchema = z.discriminatedUnion("operator", [
  valueClause("equals"),
  valueClause("not_equals"),
  valueClause("contains"),
  valueClause("not_contains"),
  valueClause("starts_with"),
  valueClause("greater_than"),
  valueClause("less_than"),
  valueClause("matches_regex"),
  z.object({ subject: conditionSubjectSchema, operator: z.literal("in"), value: z.array(z.string()).default([]) }),
  z.object({ subject: conditionSubjectSchema, operator: z.literal("is_set") }),
  z.object({ subject: conditionSubjectSchema, operator: z.literal("is_not_set") }),
  tagClause("has_tag"),
  tagClause("not_has_tag"),
]);
export type ConditionClause = z.infer<typeof conditionClauseSchema>;
export type ConditionOperator = ConditionClause["operator"];

export const conditionRuleSchema = z.object({
  id: z.string().min(1),
  label: z.string().default(""),
  // A rule matches when every clause matches.
  all: z.array(conditionClauseSchema).default([]),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

function valueClause<const O extends string>(operator: O) {
  return z.object({ subject: conditionSubjectSchema, operator: z.literal(operator), value: z.string().default("") });
}

// Tag operators always look at the contact's tags, so their subject defaults to it.
function tagClause<const O extends string>(operator: O) {
  return z.object({
    subject: z.object({ kind: z.literal("tag") }).default({ kind: "tag" }),
    operator: z.literal(operator),
    value: z.string().default(""),
  });
}
