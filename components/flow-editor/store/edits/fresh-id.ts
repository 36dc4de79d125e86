// An id from `newId()` that no node or edge of the document uses yet. Ids come from outside so tests
// (and pastes replayed in tests) are deterministic; the check keeps a repeated id from merging two nodes.
export function freshId(newId: () => string, taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = newId();
    if (id !== "" && !taken.has(id)) return id;
  }
  throw new Error("newId() kept returning ids that are already used in this document.");
}

// The readable edge id the starter templates use too ("ask.answered->thanks"), suffixed if taken.
export function edgeIdFor(source: string, sourcePort: string, target: string, taken: ReadonlySet<string>): string {
  const base = `${source}.${sourcePort}->${target}`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const id = `${base}#${suffix}`;
    if (!taken.has(id)) return id;
  }
}
