import type { z } from "zod";

// zod issues grouped by their path ("choices.0.label"), worded for a marketer.
export function issuesByPath(issues: readonly z.core.$ZodIssue[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const list = byPath.get(key) ?? [];
    const message = friendlyMessage(issue);
    if (!list.includes(message)) list.push(message);
    byPath.set(key, list);
  }
  return byPath;
}

export function friendlyMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? "Required." : `At least ${String(issue.minimum)} characters.`;
      if (issue.origin === "array") return `Add at least ${String(issue.minimum)}.`;
      return `Must be ${issue.inclusive ? "at least" : "more than"} ${String(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return `At most ${String(issue.maximum)} characters.`;
      return `Must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}.`;
    case "invalid_type":
      if (issue.expected === "number") return "Must be a number.";
      if (issue.expected === "int") return "Must be a whole number.";
      return issue.input === undefined ? "Required." : `Expected ${issue.expected}.`;
    case "invalid_format":
      return issue.format === "regex" ? "Not in the expected format." : `Not a valid ${issue.format}.`;
    default:
      return issue.message;
  }
}
