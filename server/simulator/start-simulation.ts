import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import type { Queue } from "../queue/queue";
import { simulationSetupSchema, type SimulationSetup } from "./simulation-setup";
import { simulationVersion } from "./simulation-version";
import { simulatorChannel } from "./simulator-channel";
import { simulateInput } from "./simulate-input";

export type SimulatorScope = { database: Database; queue: Queue | null; workspaceId: string; userId: string };

// A new simulation: a fresh test contact (never in contact lists or analytics) with the chosen name,
// phone, locale, time zone, tags and fields, on the workspace's hidden simulator channel of the chosen
// type, pinned to the chosen version. The start, if any, is then run like any other input.
export async function startSimulation(scope: SimulatorScope, rawSetup: unknown): Promise<{ simulationId: string }> {
  const setup = simulationSetupSchema.parse(rawSetup);
  const { versionId } = await simulationVersion(scope.database, scope, setup.flowId, setup.version);
  const channelId = await simulatorChannel(scope.database, scope.workspaceId, setup.channel);
  const externalId = `sim-${randomUUID()}`;
  const simulationId = await createTestContact(scope, setup, { channelId, externalId, versionId });
  if (setup.start.kind !== "none") await simulateInput(scope, simulationId, { kind: "start", start: setup.start }, { record: false });
  return { simulationId };
}

async function createTestContact(scope: SimulatorScope, setup: SimulationSetup, where: { channelId: string; externalId: string; versionId: string }): Promise<string> {
  const { contact } = setup;
  const firstName = contact.name.split(/\s+/u)[0] ?? "";
  const fields = {
    ...(firstName ? { first_name: firstName } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.locale ? { locale: contact.locale } : {}),
    ...(contact.timeZone ? { timezone: contact.timeZone } : {}),
    ...contact.fields,
  };
  const [row] = await scope.database.query<{ id: string }>(
    `with c as (
       insert into contacts (workspace_id, display_name, fields, is_test) values ($1, $2, $3::jsonb, true) returning id
     ), i as (
       insert into contact_identities (workspace_id, contact_id, channel_id, external_id, profile_name, opted_in)
       select $1, c.id, $4, $5, $2, true from c
     ), t as (
       insert into tags (workspace_id, name) select $1, unnest($6::text[])
       on conflict (workspace_id, name) do update set name = excluded.name returning id
     ), ct as (
       insert into contact_tags (workspace_id, contact_id, tag_id) select $1, c.id, t.id from c, t
     )
     insert into simulations (workspace_id, flow_id, flow_version_id, channel_id, contact_id, external_id, setup, created_by)
     select $1, $7, $8, $4, c.id, $5, $9::jsonb, $10 from c
     returning id`,
    [scope.workspaceId, contact.name || "Test contact", JSON.stringify(fields), where.channelId, where.externalId, contact.tags, setup.flowId, where.versionId, JSON.stringify(setup), scope.userId],
  );
  return row!.id;
}
