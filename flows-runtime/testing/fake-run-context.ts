import type { ContactSnapshot, WorkspaceSettings } from "../engine/context";
import type { EngineEvent, InboundMessage } from "../engine/events";
import type { NodeRunContext } from "../nodes/define-node-kind";
import { renderTemplate } from "../template/template";
import { templateScopeFor } from "../template/template-scope";

// A hand-made NodeRunContext for unit-testing one node kind's run/resume without the engine.
// Keys count up per prefix ("timeout-1", "http-1") so tests can predict them. For whole flows through
// step(), use conversation() or runConversation() instead.
export function fakeRunContext(overrides: FakeRunContextOptions = {}): NodeRunContext {
  const contact: ContactSnapshot = {
    id: "contact-1",
    fields: {},
    tags: [],
    channel: "webchat",
    ...overrides.contact,
  };
  const variables = overrides.variables ?? {};
  const counters = new Map<string, number>();
  const event: EngineEvent =
    overrides.event ?? (overrides.message ? { type: "message", message: overrides.message } : { type: "start", reason: "manual" });
  return {
    nodeId: overrides.nodeId ?? "node-1",
    now: overrides.now ?? Date.UTC(2026, 2, 31, 9, 0),
    random: overrides.random ?? (() => 0.5),
    contact,
    variables,
    settings: overrides.settings ?? { timeZone: "UTC", schedules: [] },
    http: overrides.http,
    event,
    lastMessage: overrides.lastMessage ?? (event.type === "message" ? event.message : event.type === "start" ? event.message : undefined),
    nextKey: (prefix) => {
      const next = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, next);
      return `${prefix}-${next}`;
    },
    template: (source) => renderTemplate(source, templateScopeFor(contact, { ...variables })),
  };
}

export type FakeRunContextOptions = {
  nodeId?: string;
  now?: number;
  random?: () => number;
  contact?: Partial<ContactSnapshot>;
  variables?: Record<string, unknown>;
  settings?: WorkspaceSettings;
  http?: NodeRunContext["http"];
  event?: EngineEvent;
  // Shorthand for `event: { type: "message", message }`.
  message?: InboundMessage;
  lastMessage?: InboundMessage;
};
