type Issue = { path?: unknown; message?: unknown };

// The server names what is wrong with an imported file, but a schema failure arrives as the raw list
// of validation issues after its headline. Turn that into lines a marketer can read:
// "nodes: missing", "nodes.welcome.position.x: expected number, received string".
export function describeImportError(message: string): { headline: string; details: string[] } {
  const start = message.indexOf("[");
  if (start < 0) return { headline: message, details: [] };
  let issues: unknown;
  try {
    issues = JSON.parse(message.slice(start));
  } catch {
    return { headline: message, details: [] };
  }
  if (!Array.isArray(issues) || issues.length === 0) return { headline: message, details: [] };
  const headline = message.slice(0, start).trim().replace(/:$/, "") || "This file is not a valid Kaiwa flow";
  return { headline: `${headline}:`, details: (issues as Issue[]).map(describeIssue) };
}

function describeIssue(issue: Issue): string {
  const path = Array.isArray(issue.path) && issue.path.length > 0 ? issue.path.join(".") : "the file";
  const text = typeof issue.message === "string" ? issue.message.replace(/^Invalid input:\s*/, "") : "is not valid";
  const missing = /^expected (\w+), received undefined$/.exec(text);
  if (missing) return missing[1] === "nonoptional" ? `${path}: missing` : `${path}: missing (expected ${missing[1]})`;
  return `${path}: ${text}`;
}
