import type {
  TemplateFilter,
  TemplateParseResult,
  TemplateReference,
  TemplateRoot,
  TemplateSegment,
} from "./template-types";

// Checks a template for the compiler and the inspector: the variables it uses, or the first mistake
// in words a marketer understands.
export function parseTemplate(source: string): TemplateParseResult {
  const parsed = parseTemplateSegments(source);
  if (!parsed.ok) return parsed;
  const seen = new Set<string>();
  const references: TemplateReference[] = [];
  for (const segment of parsed.segments) {
    if (segment.type !== "value") continue;
    const key = segment.path[0] ?? "";
    const id = `${segment.root}.${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    references.push({ root: segment.root, key });
  }
  return { ok: true, references };
}

export type ParsedSegments =
  | { ok: true; segments: TemplateSegment[] }
  | { ok: false; message: string; index: number };

export function parseTemplateSegments(source: string): ParsedSegments {
  const segments: TemplateSegment[] = [];
  let cursor = 0;
  while (cursor < source.length) {
    const open = source.indexOf("{{", cursor);
    if (open === -1) break;
    if (open > cursor) segments.push({ type: "text", text: source.slice(cursor, open) });
    if (source.indexOf("}}", open + 2) === -1) return fail(`Unclosed {{ at position ${open + 1}: add }} after the variable name`, open);
    const expression = new ExpressionParser(source, open).parse();
    if (!expression.ok) return expression;
    segments.push(expression.segment);
    cursor = expression.end;
  }
  if (cursor < source.length) segments.push({ type: "text", text: source.slice(cursor) });
  return { ok: true, segments };
}

const ROOTS: readonly TemplateRoot[] = ["contact", "vars", "channel"];
const FILTER_NAMES = ["default", "upcase", "downcase", "capitalize"] as const;
const FILTER_HELP = "use upcase, downcase, capitalize or default";
// Path segments that would reach into JavaScript's object machinery rather than the contact's data.
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
const NAME_CHAR = /[\p{L}\p{N}_-]/u;

type Failure = { ok: false; message: string; index: number };
type ExpressionResult = { ok: true; segment: TemplateSegment; end: number } | Failure;

function fail(message: string, index: number): Failure {
  return { ok: false, message, index };
}

class ExpressionParser {
  private pos: number;

  constructor(
    private readonly source: string,
    private readonly open: number,
  ) {
    this.pos = open + 2;
  }

  parse(): ExpressionResult {
    this.skipSpaces();
    if (this.source.startsWith("}}", this.pos)) {
      return fail(`Empty {{ }} at position ${this.open + 1}: put a variable inside, e.g. {{contact.first_name}}`, this.open);
    }
    const pathStart = this.pos;
    const path = this.readPath();
    if (!path.ok) return path;
    const [root, ...rest] = path.names;
    const rootProblem = checkRoot(root ?? "", rest, pathStart);
    if (rootProblem) return rootProblem;

    const filters: TemplateFilter[] = [];
    this.skipSpaces();
    while (this.source[this.pos] === "|") {
      this.pos++;
      this.skipSpaces();
      const filter = this.readFilter();
      if (!filter.ok) return filter;
      filters.push(filter.filter);
      this.skipSpaces();
    }
    if (!this.source.startsWith("}}", this.pos)) return this.unexpected();
    const segment: TemplateSegment = { type: "value", root: root as TemplateRoot, path: rest, filters };
    return { ok: true, segment, end: this.pos + 2 };
  }

  private readPath(): { ok: true; names: string[] } | Failure {
    const names: string[] = [];
    for (;;) {
      const start = this.pos;
      const name = this.readName();
      if (name === "") return this.unexpected();
      if (FORBIDDEN_SEGMENTS.has(name)) {
        return fail(`'${name}' cannot be used in a variable name (position ${start + 1})`, start);
      }
      names.push(name);
      if (this.source[this.pos] !== ".") return { ok: true, names };
      this.pos++;
    }
  }

  private readFilter(): { ok: true; filter: TemplateFilter } | Failure {
    const start = this.pos;
    const name = this.readName();
    if (name === "") return this.unexpected();
    if (!isFilterName(name)) return fail(`Unknown filter '${name}' (${FILTER_HELP})`, start);
    this.skipSpaces();
    const hasArgument = this.source[this.pos] === ":";
    if (name !== "default") {
      if (hasArgument) return fail(`The ${name} filter takes no value (position ${this.pos + 1})`, this.pos);
      return { ok: true, filter: { name } };
    }
    if (!hasArgument) return fail(`The default filter needs a value in quotes, e.g. default: "there" (position ${start + 1})`, start);
    this.pos++;
    this.skipSpaces();
    const value = this.readQuoted();
    if (!value.ok) return value;
    return { ok: true, filter: { name, value: value.text } };
  }

  private readQuoted(): { ok: true; text: string } | Failure {
    const quote = this.source[this.pos];
    const start = this.pos;
    if (quote !== '"' && quote !== "'") {
      return fail(`The default filter needs a value in quotes, e.g. default: "there" (position ${start + 1})`, start);
    }
    let text = "";
    this.pos++;
    while (this.pos < this.source.length) {
      const char = this.source[this.pos] as string;
      if (char === quote) {
        this.pos++;
        return { ok: true, text };
      }
      if (char === "\\" && this.pos + 1 < this.source.length) {
        this.pos++;
        text += this.source[this.pos];
      } else {
        text += char;
      }
      this.pos++;
    }
    return fail(`Unclosed quote at position ${start + 1}: end the value with ${quote}`, start);
  }

  private readName(): string {
    const start = this.pos;
    while (this.pos < this.source.length && NAME_CHAR.test(this.source[this.pos] as string)) this.pos++;
    return this.source.slice(start, this.pos);
  }

  private skipSpaces(): void {
    while (this.pos < this.source.length && /\s/u.test(this.source[this.pos] as string)) this.pos++;
  }

  private unexpected(): Failure {
    const char = this.source[this.pos];
    // "{{contact.a and {{contact.b}}": the first one was never closed.
    const nextOpen = this.source.indexOf("{{", this.pos);
    const nextClose = this.source.indexOf("}}", this.pos);
    if (char === undefined || nextClose === -1 || (nextOpen !== -1 && nextOpen < nextClose)) {
      return fail(`Unclosed {{ at position ${this.open + 1}: add }} after the variable name`, this.open);
    }
    return fail(`Unexpected '${char}' at position ${this.pos + 1}: write a variable like {{contact.first_name}}`, this.pos);
  }
}

function checkRoot(root: string, rest: string[], index: number): Failure | undefined {
  if (!isRoot(root)) return fail(`Unknown variable root '${root}': use contact.… or vars.… (or channel)`, index);
  if (root === "channel" && rest.length > 0) return fail(`'channel' has no fields: write {{channel}}`, index);
  if (root !== "channel" && rest.length === 0) {
    const example = root === "contact" ? "contact.first_name" : "vars.budget";
    return fail(`Say which ${root === "contact" ? "contact field" : "variable"} to show, e.g. {{${example}}}`, index);
  }
  return undefined;
}

function isRoot(name: string): name is TemplateRoot {
  return (ROOTS as readonly string[]).includes(name);
}

function isFilterName(name: string): name is (typeof FILTER_NAMES)[number] {
  return (FILTER_NAMES as readonly string[]).includes(name);
}
