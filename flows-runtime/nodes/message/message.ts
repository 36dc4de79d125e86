import { z } from "zod";
import { outboundMediaSchema, type OutboundMessage } from "../../channels/outbound-message";
import { defineNodeKind, type DiagnosticDraft } from "../define-node-kind";

const quickReplySchema = z.object({
  id: z.string().min(1),
  label: z.string().default(""),
  // What comes back when tapped; defaults to the label so a later keyword or question sees the words.
  payload: z.string().optional(),
});

export const messageDataSchema = z.object({
  // Template: "Hi {{contact.first_name | default: \"there\"}}!"
  text: z.string().default(""),
  media: outboundMediaSchema.optional(),
  // Quick-reply buttons shown under the message. The message does not wait for them: a following
  // question or a keyword trigger handles the tap.
  choices: z.array(quickReplySchema).default([]),
});
export type MessageData = z.infer<typeof messageDataSchema>;

export const messageNode = defineNodeKind({
  kind: "message",
  data: messageDataSchema,
  ports: () => ["next"],
  waits: () => false,
  references: (data) => ({ templates: [data.text, ...data.choices.map((choice) => choice.label)] }),
  messages: (data) => [outboundMessage(data, (source) => source)],
  diagnose: (data) => diagnoseMessage(data),
  run: (data, ctx) => {
    const message = outboundMessage(data, ctx.template);
    if (message.text.trim() === "" && !message.media && message.choices.length === 0) {
      // Channels reject empty messages; an all-empty render (every variable blank) sends nothing.
      return { outcome: "next", port: "next", note: "nothing to send: the text rendered empty" };
    }
    const preview = message.text.length > 40 ? `${message.text.slice(0, 39)}…` : message.text;
    return { outcome: "next", port: "next", note: `sent "${preview}"`, actions: [{ type: "send", nodeId: ctx.nodeId, message }] };
  },
});

function outboundMessage(data: MessageData, render: (source: string) => string): OutboundMessage {
  return {
    text: render(data.text),
    ...(data.media ? { media: data.media } : {}),
    choices: data.choices.map((choice) => {
      const label = render(choice.label);
      return { id: choice.id, label, payload: choice.payload || label || choice.id };
    }),
  };
}

function diagnoseMessage(data: MessageData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.text.trim() === "" && !data.media && data.choices.length === 0) {
    problems.push({ code: "empty_message", severity: "error", message: "This message is empty: type some text or attach an image or file." });
  }
  data.choices.forEach((choice, index) => {
    if (choice.label.trim() === "") {
      problems.push({ code: "empty_choice_label", severity: "error", message: `Button ${index + 1} has no label: type the text the contact will see.` });
    }
  });
  return problems;
}
