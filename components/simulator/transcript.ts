import type { SimulatorView as SimulationState } from "./simulator-types";
import { replySummary } from "@/server/simulator/reply-summary";

// The conversation as plain text, one line per message, for a ticket or a review.
export function transcriptText(state: SimulationState, channelLabel: string): string {
  const lines = state.messages.map((message) => {
    const who = message.from === "contact" ? "Contact" : "Bot";
    const text = message.from === "bot" ? replySummary(message) : message.location ? `[location ${message.location.latitude}, ${message.location.longitude}]` : message.media ? `[${message.media.kind}]` : message.text;
    const marks = [...message.degraded.map((entry) => `degraded: ${entry.message}`), ...(message.status === "failed" ? [`not sent: ${message.error ?? ""}`] : [])];
    return `${who}: ${text}${marks.length > 0 ? `  (${marks.join("; ")})` : ""}`;
  });
  return [`Kaiwa simulator transcript · ${channelLabel} · ${new Date(state.clock.now).toISOString()}`, "", ...lines, ""].join("\n");
}

export function downloadTranscript(state: SimulationState, channelLabel: string): void {
  const blob = new Blob([transcriptText(state, channelLabel)], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `simulator-transcript-${state.id.slice(0, 8)}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
