import type { SimulatorView } from "./simulator-types";

// What the drawer sends with an input: the messages and steps it holds, which the answer leaves out.
export function knownParts(view: SimulatorView): { messages: number; steps: number } {
  return { messages: view.messages.length, steps: view.steps.length };
}

// An answer carries the messages and steps from `messagesFrom` and `stepsFrom` on; the ones before are
// those the drawer already holds. Null when the answer starts past what the drawer holds of that
// simulation (its copy is behind): the caller then reads the whole state again.
export function mergeSimulatorView(held: SimulatorView, next: SimulatorView): SimulatorView | null {
  if (next.messagesFrom === 0 && next.stepsFrom === 0) return next;
  if (held.id !== next.id || held.messages.length < next.messagesFrom || held.steps.length < next.stepsFrom) return null;
  return {
    ...next,
    messagesFrom: 0,
    messages: [...held.messages.slice(0, next.messagesFrom), ...next.messages],
    stepsFrom: 0,
    steps: [...held.steps.slice(0, next.stepsFrom), ...next.steps],
  };
}
