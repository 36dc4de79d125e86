import { parseTemplateSegments } from "./parse-template";
import type { TemplateFilter, TemplateScope, TemplateSegment } from "./template-types";

// Runs for every outbound message, so each distinct template is parsed once. Never throws: a template
// the compiler should have rejected is sent as written rather than dropping the message.
export function renderTemplate(source: string, scope: TemplateScope): string {
  const segments = cachedSegments(source);
  if (segments === null) return source;
  let out = "";
  for (const segment of segments) {
    out += segment.type === "text" ? segment.text : renderValue(segment, scope);
  }
  return out;
}

// Templates come from published flows, so the set is small; the cap only bounds a runaway caller.
const MAX_CACHED_TEMPLATES = 5000;
const templateCache = new Map<string, TemplateSegment[] | null>();

function cachedSegments(source: string): TemplateSegment[] | null {
  const cached = templateCache.get(source);
  if (cached !== undefined) return cached;
  // Plain text is the common case: skip the parser entirely.
  const parsed = source.includes("{{") ? parseTemplateSegments(source) : { ok: true as const, segments: [{ type: "text" as const, text: source }] };
  const segments = parsed.ok ? parsed.segments : null;
  if (templateCache.size >= MAX_CACHED_TEMPLATES) templateCache.clear();
  templateCache.set(source, segments);
  return segments;
}

function renderValue(segment: Extract<TemplateSegment, { type: "value" }>, scope: TemplateScope): string {
  const start: unknown = segment.root === "channel" ? scope.channel : scope[segment.root];
  let text = stringify(lookup(start, segment.path));
  for (const filter of segment.filters) text = applyFilter(filter, text);
  return text;
}

// Own properties only, so a contact field named "toString" or a path like vars.x.length never
// reaches the prototype chain.
function lookup(start: unknown, path: readonly string[]): unknown {
  let current = start;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // Tags and other lists of plain values read naturally as "vip, newsletter".
  if (Array.isArray(value) && value.every(isPrimitive)) return value.filter((v) => v !== null && v !== undefined).map(String).join(", ");
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "";
    }
  }
  return "";
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

function applyFilter(filter: TemplateFilter, text: string): string {
  if (filter.name === "default") return text.trim() === "" ? filter.value : text;
  if (filter.name === "upcase") return text.toUpperCase();
  if (filter.name === "downcase") return text.toLowerCase();
  // As in Liquid: first character upper, the rest lower ("mARY" -> "Mary"). Code points, not UTF-16 units.
  const [first = "", ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join("").toLowerCase();
}
