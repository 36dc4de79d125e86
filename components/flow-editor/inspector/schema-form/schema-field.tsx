"use client";

import type { z } from "zod";
import { BooleanField, EnumField, JsonField, NumberField } from "./scalar-fields";
import { ObjectFields, OptionalObjectField } from "./object-fields";
import { ObjectListField } from "./object-list-field";
import { TagListField } from "./tag-list-field";
import { TextField } from "./text-field";
import { UnionField } from "./union-field";
import { labelForKey } from "./label-for-key";
import type { Path } from "./path-value";
import { useSchemaForm, pathPattern } from "./schema-form-context";
import { unwrap } from "./schema-info";
import { widgetFor } from "./widget-for";

// Walks one zod schema node and renders the widget for it; objects and arrays recurse back here.
export function SchemaField({ schema, path, label }: { schema: z.ZodType; path: Path; label?: string }) {
  const { overrides } = useSchemaForm();
  const pattern = pathPattern(path);
  const text = overrides.labels?.[pattern] ?? label ?? labelForKey(String(path[path.length - 1] ?? ""));
  const Custom = overrides.fields?.[pattern];
  if (Custom) return <Custom schema={schema} path={path} label={text} />;

  const info = unwrap(schema);
  const optional = info.optional && !info.hasDefault;
  switch (widgetFor(schema)) {
    case "text":
      return <TextField path={path} label={text} optional={optional} />;
    case "number":
      return <NumberField path={path} label={text} def={info.def} optional={optional} />;
    case "boolean":
      return <BooleanField path={path} label={text} />;
    case "select":
      return <EnumField path={path} label={text} def={info.def} optional={optional} />;
    case "optional-object":
      return <OptionalObjectField schema={info.schema} path={path} label={text} />;
    case "object":
      return <ObjectFields schema={info.schema} path={path} label={path.length > 0 ? text : undefined} />;
    case "tags":
      return <TagListField path={path} label={text} />;
    case "list":
      return <ObjectListField element={info.def.element as z.ZodType} path={path} label={text} />;
    case "union":
      return <UnionField schema={info.schema} path={path} label={text} />;
    case "json":
      return <JsonField path={path} label={text} />;
  }
}
