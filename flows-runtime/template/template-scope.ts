import type { ContactSnapshot } from "../engine/context";
import type { TemplateScope } from "./template-types";

// What `{{contact.…}}`, `{{vars.…}}` and `{{channel}}` see. Tags sit beside the fields so that
// {{contact.tags}} renders "vip, newsletter"; they win over a custom field that is also called "tags".
export function templateScopeFor(contact: ContactSnapshot, vars: Record<string, unknown>): TemplateScope {
  return { contact: { ...contact.fields, tags: contact.tags }, vars, channel: contact.channel };
}
