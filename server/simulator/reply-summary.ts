import type { RenderedPart } from "@/flows-runtime";
import type { SimulatorMessage } from "./simulation-state";

// One bot message as a line a person can compare: its text and the options it offered, as shown on
// the simulated channel ("What brings you here? [Pricing and plans | Help with my account]").
export function replySummary(message: Pick<SimulatorMessage, "text" | "parts">): string {
  const parts = message.parts.length > 0 ? message.parts : [{ kind: "text", text: message.text } as RenderedPart];
  return parts.map(partSummary).join(" / ");
}

function partSummary(part: RenderedPart): string {
  switch (part.kind) {
    case "text":
      return part.text;
    case "media":
      return `[${part.media.kind}${part.caption ? `: ${part.caption}` : ""}]`;
    case "buttons":
      return `${part.text} [${part.buttons.map((button) => button.label).join(" | ")}]`;
    case "list":
      return `${part.text} [${part.buttonLabel}: ${part.rows.map((row) => row.label).join(" | ")}]`;
    case "quick_replies":
      return `${part.text} [${part.replies.map((reply) => reply.label).join(" | ")}]`;
    case "numbered_text":
      return part.text;
  }
}
