// The parsed form of a template, shared by the parser and the renderer.
export type TemplateRoot = "contact" | "vars" | "channel";

export type TemplateFilter =
  | { name: "default"; value: string }
  | { name: "upcase" | "downcase" | "capitalize" };

export type TemplateSegment =
  | { type: "text"; text: string }
  | { type: "value"; root: TemplateRoot; path: string[]; filters: TemplateFilter[] };

export type TemplateReference = { root: TemplateRoot; key: string };

export type TemplateParseResult =
  | { ok: true; references: TemplateReference[] }
  // `index` is 0-based for the editor to highlight; `message` says "position index + 1" for people.
  | { ok: false; message: string; index: number };

export type TemplateScope = {
  contact: Record<string, unknown>;
  vars: Record<string, unknown>;
  channel: string;
};
