// Public surface of `{{contact.first_name | default: "there"}}` templates.
export type { TemplateReference, TemplateParseResult, TemplateScope } from "./template-types";
export { parseTemplate } from "./parse-template";
export { renderTemplate } from "./render-template";
export { templateScopeFor } from "./template-scope";
