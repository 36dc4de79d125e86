import { bigint, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id } from "./common";
import { contacts } from "./contacts";
import { flows, flowVersions } from "./flows";
import { users } from "./users";
import { workspaces } from "./workspaces";

// One simulator run: a test contact (contacts.is_test) on a hidden simulator channel of the chosen
// type, talking to one version of one flow (a draft snapshot or a published version) through the
// same runtime as production. The clock offset is the simulated clock ("pretend it is Sunday 23:00").
export const simulations = pgTable(
  "simulations",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").notNull().references(() => flowVersions.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    // The setup it started with (channel type, test contact, start), to restart or save it as a case.
    setup: jsonb("setup").notNull(),
    clockOffsetMs: bigint("clock_offset_ms", { mode: "number" }).notNull().default(0),
    // Each input the test contact gave, with the bot replies it got: what "save as test case" keeps.
    inputs: jsonb("inputs").notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("simulations_contact_idx").on(table.contactId), index("simulations_flow_idx").on(table.workspaceId, table.flowId, table.createdAt)],
);

// What each engine step of a simulation did: the event, the trace, the actions, and the variables,
// tags and fields before and after, for the debug panel.
export const simulationSteps = pgTable(
  "simulation_steps",
  {
    id: id(),
    simulationId: uuid("simulation_id").notNull().references(() => simulations.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    event: jsonb("event").notNull(),
    trace: jsonb("trace").notNull(),
    actions: jsonb("actions").notNull(),
    before: jsonb("before").notNull(),
    after: jsonb("after").notNull(),
    simulatedAt: bigint("simulated_at", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("simulation_steps_simulation_idx").on(table.simulationId, table.seq)],
);

// A saved simulator conversation: what the test contact did, in order, and the replies expected after
// each input. Re-run against the current draft before publishing to see which replies differ.
export const simulationCases = pgTable(
  "simulation_cases",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    setup: jsonb("setup").notNull(),
    inputs: jsonb("inputs").notNull(),
    expected: jsonb("expected").notNull(),
    inputCount: integer("input_count").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("simulation_cases_flow_idx").on(table.workspaceId, table.flowId)],
);
