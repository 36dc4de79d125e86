import { jsonReader, type JsonObject } from "../meta/json-reader";

const { object, string, array } = jsonReader;

// What the Cloud API refuses in a template send (`type: "template"`), as documented: a name and a
// language code, and text parameters without line breaks, tabs or more than four spaces in a row.
export function whatsappTemplateProblem(template: JsonObject | undefined): string | undefined {
  if (!template) return "template object is required";
  if (!/^[a-z0-9_]{1,512}$/.test(string(template.name) ?? "")) return "template.name must be an approved template's name";
  if (!string(object(template.language)?.code)) return "template.language.code is required";
  for (const component of array(template.components)) {
    for (const parameter of array(object(component)?.parameters)) {
      const entry = object(parameter);
      if (entry?.type !== "text") continue;
      const text = string(entry.text) ?? "";
      if (text.length === 0) return "a text parameter must not be empty";
      if (/[\n\t]| {5,}/.test(text)) return "Param text cannot have new-line/tab characters or more than 4 consecutive spaces";
    }
  }
  return undefined;
}
