import type { NodeKind } from "@/flows-runtime";
import { BusinessHoursWeeklyField } from "./custom/business-hours-fields";
import { ConditionClauseField } from "./custom/condition-fields";
import { JumpFlowField } from "./custom/jump-fields";
import { questionHiddenFields } from "./custom/question-fields";
import { SaveTargetKeyField } from "./custom/save-target-key-field";
import { SchedulePickerField } from "./custom/schedule-picker-field";
import type { KindOverrides } from "./schema-form/schema-form-context";

// Where the generic zod form needs better words or a better widget, by node kind. A kind without an
// entry still gets a working form from its schema.
export const fieldOverrides = {
  trigger: {
    labels: {
      anyMessage: "Any first message (catch-all)",
      keywords: "Keywords",
      "keywords.*.match": "Match",
      "keywords.*.value": "Keyword or pattern",
      refs: "Link refs (deep links, QR codes)",
      entryPointId: "Entry point ID",
      newContact: "New contact / follow",
      tagAdded: "When this tag is added",
      manual: "Manual start (agent, broadcast)",
    },
    optionLabels: { starts_with: "Starts with", regex: "Regular expression" },
    templates: [],
  },
  message: {
    labels: { text: "Message", choices: "Quick-reply buttons", "choices.*.label": "Button label", "choices.*.payload": "Payload (optional)", "media.url": "URL" },
    help: { "choices.*.payload": "What comes back when tapped; defaults to the label." },
    templates: ["text", "choices.*.label"],
    multiline: ["text"],
  },
  question: {
    labels: {
      prompt: "Question",
      answerType: "Expected answer",
      "choices.*.label": "Choice label",
      "choices.*.payload": "Payload (optional)",
      min: "Minimum",
      max: "Maximum",
      defaultCountry: "Default country (ISO code, e.g. JP)",
      locale: "Locale (e.g. en-US, ja-JP)",
      yesLabel: "“Yes” button",
      noLabel: "“No” button",
      saveTo: "Save the answer",
      "saveTo.target": "Save to",
      "saveTo.key": "Key",
      retryPrompt: "Retry message",
      maxAttempts: "Max attempts",
      timeout: "Time out when there is no answer",
    },
    help: {
      retryPrompt: "Sent after an invalid answer. Leave empty for a built-in hint.",
      locale: "Date order and the language of hints. Empty: the contact's locale.",
      "saveTo.key": "Later steps can use it as {{vars.key}} (a flow variable) or {{contact.key}} (a contact field).",
    },
    optionLabels: { yes_no: "Yes / No", choice: "Choice (buttons)" },
    templates: ["prompt", "retryPrompt"],
    multiline: ["prompt", "retryPrompt"],
    hidden: questionHiddenFields,
    fields: { "saveTo.key": SaveTargetKeyField },
  },
  condition: {
    labels: { rules: "Rules (first match wins)", "rules.*.label": "Rule name", "rules.*.all": "All of these" },
    fields: { "rules.*.all.*": ConditionClauseField },
    templates: [],
  },
  business_hours: {
    labels: { scheduleId: "Business hours calendar", schedule: "Custom hours for this step", "schedule.timeZone": "Time zone", "schedule.weekly": "Weekly hours", "schedule.holidays": "Closed on (YYYY-MM-DD)" },
    help: { scheduleId: "Custom hours below win over the calendar." },
    placeholders: { "schedule.holidays": "2025-12-25" },
    fields: { scheduleId: SchedulePickerField, "schedule.weekly": BusinessHoursWeeklyField },
    templates: [],
  },
  tag: { labels: { add: "Add tags", remove: "Remove tags" }, templates: [] },
  set_field: {
    labels: { target: "Set a", key: "Field or variable key", value: "Value" },
    optionLabels: { field: "Contact field", variable: "Flow variable" },
    templates: ["value"],
    multiline: [],
    fields: { key: SaveTargetKeyField },
  },
  wait: { labels: { amount: "Wait for" }, templates: [] },
  http_request: {
    labels: { url: "URL", "headers.*.name": "Header", "headers.*.value": "Value", body: "Body", timeoutMs: "Timeout (ms)", responseMapping: "Save from the response", "responseMapping.*.variable": "Variable", "responseMapping.*.path": "JSON path (e.g. data.plan.name)" },
    templates: ["url", "body", "headers.*.value"],
    multiline: ["body"],
  },
  handoff: {
    labels: { team: "Team ID (empty: any team)", assignee: "Agent ID (empty: any agent)", note: "Note for the agent" },
    templates: ["note"],
  },
  faq: {
    labels: { entries: "Questions and answers", "entries.*.question": "Question", "entries.*.alternatives": "Other ways to ask", "entries.*.answer": "Answer", threshold: "Match threshold (0–1)", askFirst: "Ask first" },
    help: { threshold: "Lower answers more often, and more often wrongly.", askFirst: "When set, the bot asks this and waits; otherwise it answers the message just received." },
    templates: ["askFirst", "entries.*.answer"],
    multiline: ["askFirst", "entries.*.answer"],
  },
  split: {
    labels: { branches: "Branches", "branches.*.label": "Name", "branches.*.weight": "Weight", sticky: "Sticky (a contact always gets the same branch)" },
    templates: [],
  },
  jump: { labels: { flowId: "Continue in flow" }, fields: { flowId: JumpFlowField }, templates: [] },
  end: { labels: { closeConversation: "Also close the conversation" }, templates: [] },
} satisfies Record<NodeKind, KindOverrides>;

export function overridesFor(kind: string): KindOverrides {
  return (fieldOverrides as Record<string, KindOverrides>)[kind] ?? {};
}
