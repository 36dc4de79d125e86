// Ids of list items that double as output ports (choices, rules, branches) are generated and hidden:
// the marketer edits labels, and renaming a label never rewires the flow.
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) {
    const id = `${prefix}_${n}`;
    if (!used.has(id)) return id;
  }
}

export function idPrefixFor(listKey: string): string {
  const known: Record<string, string> = { choices: "choice", rules: "rule", branches: "branch", entries: "entry" };
  return known[listKey] ?? (listKey.replace(/s$/, "") || "item");
}
