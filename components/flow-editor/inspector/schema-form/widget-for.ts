import type { z } from "zod";
import { unwrap } from "./schema-info";

export type Widget = "text" | "number" | "boolean" | "select" | "object" | "optional-object" | "tags" | "list" | "union" | "json";

// Which input a schema gets. "json" is the fallback for shapes the form does not know.
export function widgetFor(schema: z.ZodType): Widget {
  const info = unwrap(schema);
  const { def } = info;
  switch (def.type) {
    case "string":
      return "text";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
    case "literal":
      return "select";
    case "object":
      return info.optional && !info.hasDefault ? "optional-object" : "object";
    case "array": {
      if (!def.element) return "json";
      return unwrap(def.element).def.type === "string" ? "tags" : "list";
    }
    case "union":
      return def.discriminator ? "union" : "json";
    default:
      return "json";
  }
}
